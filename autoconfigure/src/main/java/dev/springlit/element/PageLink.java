package dev.springlit.element;

/**
 * A link to another page of the app, followed inside the same session.
 *
 * @param path  the page's path
 * @param label the link text (inline Markdown, escaped)
 * @param icon  an emoji before the label, or {@code null}
 */
public record PageLink(String path, String label, String icon) implements Element {

    @Override
    public String kind() {
        return "page_link";
    }
}
