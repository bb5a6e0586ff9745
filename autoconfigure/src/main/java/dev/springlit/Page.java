package dev.springlit;

/**
 * A page of a Springlit app: {@link #render(St)} runs top to bottom on every interaction, like a
 * Streamlit script. Keep values across reruns in {@link SessionState}.
 *
 * <pre>{@code
 * @StreamlitPage(path = "/hello")
 * class HelloPage implements Page {
 *     public void render(St st) {
 *         if (st.button("Say hello")) st.write("Hello!");
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Page {

    /** Draws the page. Called on the session's run thread, once per run. */
    void render(St st);
}
