package dev.springlit;

/**
 * Options of {@link St#markdown(String, java.util.function.Consumer)}.
 *
 * <pre>{@code
 * st.markdown("<b>bold</b> and **bold**", m -> m.unsafeAllowHtml(true));
 * }</pre>
 */
public final class MarkdownOptions {

    private boolean unsafeAllowHtml;
    private String help;

    /**
     * Lets raw HTML in the text through unescaped. Only for text you wrote yourself: user input with HTML
     * would run in your users' browsers.
     */
    public MarkdownOptions unsafeAllowHtml(boolean unsafeAllowHtml) {
        this.unsafeAllowHtml = unsafeAllowHtml;
        return this;
    }

    /** A tooltip shown next to the text. */
    public MarkdownOptions help(String help) {
        this.help = help;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(MarkdownOptions options) {
        return new Snapshot(options.unsafeAllowHtml, options.help);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param unsafeAllowHtml what the page set, or the default
     * @param help what the page set, or the default
     */
    public record Snapshot(boolean unsafeAllowHtml, String help) {
    }
}
