package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Explains the demo and links to each example. */
@StreamlitPage(path = "/", title = "Home", icon = "🏠", order = 0)
class HomePage implements Page {

    @Override
    public void render(St st) {
        st.title("Springlit demo");
        st.markdown("""
                Streamlit's *Add statefulness to apps* guide, page by page, in Java. Every click reruns the page \
                from top to bottom; `SessionState` keeps values between runs, one set per browser tab.
                """);
        st.markdown("""
                - [Naive counter](/naive-counter): a local variable starts fresh on every run, so the count stays at 1.
                - [Counter](/counter): Example 1, the count lives in session state.
                - [Counter with callbacks](/counter-callbacks): Example 2, `onClick` runs before the page.
                - [Counter with kwargs](/counter-kwargs): Example 3's kwargs variant, +5 and −1.
                """);
        st.caption("Open a second tab: it has its own count. Refresh this one: it keeps its count.");
    }
}
