package dev.springlit;

/**
 * Options of {@code st.textInput} and {@code st.textArea}: {@code o -> o.placeholder("Your name").maxChars(40)}.
 */
public final class TextInputOptions extends ValueWidgetOptions<TextInputOptions, String> {

    private Integer maxChars;
    private String placeholder;
    private boolean password;
    private Integer height;

    /** The most characters the user may type. */
    public TextInputOptions maxChars(int maxChars) {
        this.maxChars = maxChars;
        return this;
    }

    /** Text shown while the input is empty. */
    public TextInputOptions placeholder(String placeholder) {
        this.placeholder = placeholder;
        return this;
    }

    /** Hides what is typed (a text input only). */
    public TextInputOptions password(boolean password) {
        this.password = password;
        return this;
    }

    /** The height in pixels (a text area only). */
    public TextInputOptions height(int height) {
        this.height = height;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(TextInputOptions options) {
        return new Snapshot(options.maxChars, options.placeholder, options.password, options.height);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param maxChars what the page set, or the default
     * @param placeholder what the page set, or the default
     * @param password what the page set, or the default
     * @param height what the page set, or the default
     */
    public record Snapshot(Integer maxChars, String placeholder, boolean password, Integer height) {
    }
}
