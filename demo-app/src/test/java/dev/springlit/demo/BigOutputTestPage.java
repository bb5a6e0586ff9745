package dev.springlit.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A test-only page that writes about 1 MB that differs on every run (so each run sends it all again), for
 * the outbound backlog test in {@link FloodIT}. Present only where {@code springlit-test.big-output-page=true}.
 */
@StreamlitPage(path = "/test-big-output", title = "Big output (test)")
@ConditionalOnProperty(name = "springlit-test.big-output-page", havingValue = "true")
class BigOutputTestPage implements Page {

    static final int LINES = 1_000;
    private static final String PADDING = "x".repeat(1_000);

    private final SessionState state;

    BigOutputTestPage(SessionState state) {
        this.state = state;
    }

    @Override
    public void render(St st) {
        int run = state.getOrDefault("runs", 0) + 1;
        state.put("runs", run);
        for (int line = 0; line < LINES; line++) {
            st.text("run " + run + " line " + line + " " + PADDING);
        }
    }
}
