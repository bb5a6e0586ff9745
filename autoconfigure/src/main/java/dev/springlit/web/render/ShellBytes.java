package dev.springlit.web.render;

import java.nio.charset.StandardCharsets;

/**
 * A rendered page shell as its {@code GET} sends it: the UTF-8 bytes, encoded once when the shell is rendered (a
 * {@code String} body is encoded twice per request, once only to count its length), and the places a first run goes
 * in ({@link FirstRunShell}), found once in the template's own markup: the end of the head, and the closing {@code >}
 * of the sidebar's and the main body's start tags. Immutable.
 */
final class ShellBytes {

    /** A place not found (not the template {@link FirstRunShell} knows): no first run goes in. */
    static final int NONE = -1;

    private final byte[] utf8;
    private final int headEnd;
    private final int sidebarTagEnd;
    private final int mainTagEnd;

    private ShellBytes(byte[] utf8, int headEnd, int sidebarTagEnd, int mainTagEnd) {
        this.utf8 = utf8;
        this.headEnd = headEnd;
        this.sidebarTagEnd = sidebarTagEnd;
        this.mainTagEnd = mainTagEnd;
    }

    static ShellBytes of(String html) {
        int head = html.indexOf("</head>");
        int sidebar = tagEnd(html, "data-sl-root=\"1\"");
        int main = tagEnd(html, "data-sl-root=\"0\"");
        if (head < 0 || sidebar < head || main < sidebar) {
            return new ShellBytes(html.getBytes(StandardCharsets.UTF_8), NONE, NONE, NONE);
        }
        // the places as byte offsets: the text before each may hold characters of more than one byte
        byte[] before = html.substring(0, head).getBytes(StandardCharsets.UTF_8);
        byte[] toSidebar = html.substring(head, sidebar).getBytes(StandardCharsets.UTF_8);
        byte[] toMain = html.substring(sidebar, main).getBytes(StandardCharsets.UTF_8);
        byte[] rest = html.substring(main).getBytes(StandardCharsets.UTF_8);
        byte[] utf8 = new byte[before.length + toSidebar.length + toMain.length + rest.length];
        System.arraycopy(before, 0, utf8, 0, before.length);
        System.arraycopy(toSidebar, 0, utf8, before.length, toSidebar.length);
        System.arraycopy(toMain, 0, utf8, before.length + toSidebar.length, toMain.length);
        System.arraycopy(rest, 0, utf8, before.length + toSidebar.length + toMain.length, rest.length);
        return new ShellBytes(utf8, before.length, before.length + toSidebar.length,
                before.length + toSidebar.length + toMain.length);
    }

    /** The index of the {@code >} closing the start tag that holds {@code marker}, or -1. */
    private static int tagEnd(String html, String marker) {
        int at = html.indexOf(marker);
        return at < 0 ? -1 : html.indexOf('>', at);
    }

    /** The bytes as they are sent; the caller never changes them. */
    byte[] utf8() {
        return utf8;
    }

    /** Whether the places a first run goes in were found. */
    boolean takesFirstRun() {
        return headEnd != NONE;
    }

    /** Where {@code </head>} starts. */
    int headEnd() {
        return headEnd;
    }

    /** Where the {@code >} of the sidebar's start tag is. */
    int sidebarTagEnd() {
        return sidebarTagEnd;
    }

    /** Where the {@code >} of the main body's start tag is. */
    int mainTagEnd() {
        return mainTagEnd;
    }
}
