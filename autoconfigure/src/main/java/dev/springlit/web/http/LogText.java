package dev.springlit.web.http;

/** Client-sent text made safe for one log line: control and bidi characters become '?', at most 100 chars. */
final class LogText {

    private static final int MAX = 100;

    private LogText() {
    }

    static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX + 1));
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            out.append(Character.isISOControl(c) || bidi ? '?' : c);
        }
        return text.length() > MAX ? out + "…" : out.toString();
    }
}
