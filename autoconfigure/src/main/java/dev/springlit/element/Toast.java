package dev.springlit.element;

/**
 * A short message that pops up in a corner and fades away.
 *
 * @param text the message (inline Markdown)
 * @param icon an emoji, or {@code null}
 */
public record Toast(String text, String icon) implements Element {

    @Override
    public String kind() {
        return "toast";
    }
}
