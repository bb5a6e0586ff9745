package dev.springlit.support;

/**
 * Makes text that came from a client safe to log: a CR or LF in a message type or widget id would otherwise
 * start a forged log line, and bidi overrides would make a line read differently from what it says. Control
 * characters (C0, DEL, C1), line and paragraph separators and bidi controls are written as {@code \\uXXXX}, and
 * very long text is cut, so one message cannot flood the log either. Used for everything logged from a client and
 * from stored session data.
 */
public final class LogText {

    /** The most characters of one client-sent text a log line carries. */
    public static final int MAX_LENGTH = 500;

    private LogText() {
    }

    /** {@code text} with every character that could forge or disguise a log line escaped. */
    public static String clean(String text) {
        if (text == null) {
            return "null";
        }
        int end = Math.min(text.length(), MAX_LENGTH);
        StringBuilder out = null;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(end + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        String clean = out == null ? text.substring(0, end) : out.toString();
        return end < text.length() ? clean + "…(" + (text.length() - end) + " more characters)" : clean;
    }

    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || c == '\u061c' || c == '\u200e' || c == '\u200f' // bidi marks
                || (c >= '\u202a' && c <= '\u202e') // bidi embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069'); // bidi isolates
    }
}
