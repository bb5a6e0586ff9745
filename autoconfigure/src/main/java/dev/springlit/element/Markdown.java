package dev.springlit.element;

/**
 * A block of GitHub-flavoured Markdown.
 *
 * @param body      the Markdown source
 * @param allowHtml whether raw HTML in the source passes through (the API's explicit unsafe option)
 * @param caption   whether it is shown small and muted ({@code st.caption})
 * @param help      an optional tooltip, or {@code null}
 */
public record Markdown(String body, boolean allowHtml, boolean caption, String help) implements Element {

    /** Plain Markdown without options. */
    public static Markdown of(String body) {
        return new Markdown(body, false, false, null);
    }

    @Override
    public String kind() {
        return "markdown";
    }
}
