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

    public Integer getMaxChars() {
        return maxChars;
    }

    public String getPlaceholder() {
        return placeholder;
    }

    public boolean isPassword() {
        return password;
    }

    public Integer getHeight() {
        return height;
    }
}
