package dev.springlit.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A test-only page with slow runs, for the stale output, the page switch and the Stop button
 * ({@link TransitionsBrowserIT}): "Go" pauses 1.5 s and "Long run" 10 s before the page draws its last elements.
 * Present only where {@code springlit-test.slow-page=true}.
 */
@StreamlitPage(path = "/test-slow", title = "Slow (test)")
@ConditionalOnProperty(name = "springlit-test.slow-page", havingValue = "true")
class SlowTestPage implements Page {

    private final SessionState state;

    SlowTestPage(SessionState state) {
        this.state = state;
    }

    @Override
    public void render(St st) {
        st.title("Slow page");
        boolean go = st.button("Go");
        boolean longRun = st.button("Long run");
        if (go || longRun) {
            st.sidebar().caption(go ? "pausing 1.5 s" : "pausing 10 s"); // in the sidebar: the body keeps its order
            pause(go ? 1_500 : 10_000);
        }
        if (st.button("Below")) {
            state.put("below", state.getInt("below") + 1);
        }
        state.setDefault("below", 0);
        st.text("below=" + state.get("below"));
    }

    /** Waits as a slow service call does; Stop wakes it, and the page's next St call ends the run. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
