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

    public boolean isUnsafeAllowHtml() {
        return unsafeAllowHtml;
    }

    public String getHelp() {
        return help;
    }
}
