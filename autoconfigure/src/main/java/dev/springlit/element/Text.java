package dev.springlit.element;

/**
 * Preformatted text, always escaped.
 *
 * @param text the text
 */
public record Text(String text) implements Element {

    @Override
    public String kind() {
        return "text";
    }
}
