package dev.springlit.web.render;

/**
 * A code block's language as it may appear in a {@code language-…} class name: the first word of what the page
 * or the Markdown fence said, limited to the characters language names use and to 32 of them. Anything longer or
 * stranger is not a language a highlighter knows, and a 100,000-character one must not break rendering.
 */
final class CodeLanguage {

    static final int MAX_LENGTH = 32;

    private CodeLanguage() {
    }

    /** The cleaned language, or {@code null} when nothing usable is left. */
    static String of(String language) {
        if (language == null) {
            return null;
        }
        StringBuilder name = new StringBuilder(MAX_LENGTH);
        for (int i = 0; i < language.length() && name.length() < MAX_LENGTH; i++) {
            char c = language.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "+#._-".indexOf(c) >= 0) {
                name.append(c);
            } else if (name.length() > 0 || !Character.isWhitespace(c)) {
                break;
            }
        }
        return name.length() == 0 ? null : name.toString();
    }
}
