package dev.springlit.web.render;

import dev.springlit.element.Markdown;

/**
 * What {@code elements/markdown.html} writes for Markdown without a help tooltip, written directly: text drawn by
 * {@code st.write} and {@code st.markdown} is what changes on most reruns (a counter's {@code Count = N}), so it
 * misses the rendered-HTML cache, and running the template for it was half of a click's CPU on the run thread.
 * {@code MarkdownDivTest} checks that it is exactly what the template writes.
 */
final class MarkdownDiv {

    private MarkdownDiv() {
    }

    /** Whether {@link #of} writes this element (otherwise the template does). */
    static boolean covers(Markdown markdown) {
        return markdown.help() == null;
    }

    /** The element's HTML around {@code bodyHtml}, its body already rendered to safe HTML. */
    static String of(Markdown markdown, String bodyHtml) {
        return (markdown.caption() ? "<div class=\"sl-el sl-markdown sl-caption\">" : "<div class=\"sl-el sl-markdown\">")
                + bodyHtml + "</div>";
    }
}
