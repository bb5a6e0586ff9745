package dev.springlit;

/**
 * How wide a page's content is, as Streamlit's {@code st.set_page_config(layout=...)}:
 * {@code @StreamlitPage(path = "/report", layout = Layout.WIDE)}.
 */
public enum Layout {

    /** The app's layout, {@code streamlit.ui.layout} (centered unless set). */
    DEFAULT,

    /** A column of readable width in the middle of the page. */
    CENTERED,

    /** The content uses the whole width of the window. */
    WIDE
}
