/**
 * Springlit's public API, the only package application code needs: {@link dev.springlit.Page} and
 * {@link dev.springlit.StreamlitPage} to declare pages, {@link dev.springlit.St} to draw them,
 * {@link dev.springlit.SessionState} for state that survives reruns, {@link dev.springlit.Context} and
 * {@link dev.springlit.User} for who and where the tab is, and the option classes of each widget.
 * <pre>{@code
 * @StreamlitPage(path = "/")
 * class HelloPage implements Page {
 *     public void render(St st) {
 *         st.title("Hello");
 *         if (st.button("Greet")) {
 *             st.write("Hello, world!");
 *         }
 *     }
 * }
 * }</pre>
 * Threading: a page's {@code render} runs on a run thread with its session bound to it; {@code St} and
 * {@code SessionState} may only be used from that thread. From any other thread, change a session through the
 * {@link dev.springlit.SessionHandle} that {@code st.session()} returns. Option objects are built and read on the
 * run thread that draws the widget.
 */
package dev.springlit;
