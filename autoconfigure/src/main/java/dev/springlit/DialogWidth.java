package dev.springlit;

/**
 * How wide a dialog opens, as Streamlit's {@code width="small" | "medium" | "large"}.
 *
 * <pre>{@code
 * st.dialog("Edit item", DialogOptions.width(DialogWidth.LARGE), d -> d.write("Wide"));
 * }</pre>
 */
public enum DialogWidth {

    /** About 500 pixels, Streamlit's default. */
    SMALL,

    /** About 750 pixels. */
    MEDIUM,

    /** About 1280 pixels. */
    LARGE;

    /** As the protocol and the stylesheet name it: {@code small}, {@code medium}, {@code large}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
