package dev.springlit.element;

/**
 * A title, header or subheader.
 *
 * @param level 1 for a title, 2 for a header, 3 for a subheader
 * @param text  plain text (escaped when rendered)
 */
public record Heading(int level, String text) implements Element {

    @Override
    public String kind() {
        return "heading";
    }
}
