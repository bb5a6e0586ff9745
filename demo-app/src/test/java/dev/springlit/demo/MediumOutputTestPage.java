package dev.springlit.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A test-only page whose every run writes about 3 KB that differs from the last run's: small enough that a run's
 * output and its end are written by the run's own thread when the tab's socket is idle, so a tab that stops
 * reading fills its socket with such writes ({@link StalledReadersIT}). Present only where
 * {@code springlit-test.medium-output-page=true}.
 */
@StreamlitPage(path = "/test-medium-output", title = "Medium output (test)")
@ConditionalOnProperty(name = "springlit-test.medium-output-page", havingValue = "true")
class MediumOutputTestPage implements Page {

    private static final String PADDING = "y".repeat(3_000);

    @Override
    public void render(St st) {
        st.text("run at " + System.nanoTime() + " " + PADDING); // never the last run's text: all of it is sent again
    }
}
