package dev.springlit.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A test-only page for {@link ErrorDetailsIT}: its button fails the way real pages do, with a secret in the
 * message. Present only where {@code springlit-test.failing-page=true}.
 */
@StreamlitPage(path = "/test-failing", title = "Failing")
@ConditionalOnProperty(name = "springlit-test.failing-page", havingValue = "true")
class FailingTestPage implements Page {

    static final String SECRET = "jdbc:postgresql://db.internal/sales?user=app&password=hunter2";

    @Override
    public void render(St st) {
        st.text("before the failure");
        if (st.button("Fail")) {
            throw new IllegalStateException("Cannot connect to " + SECRET);
        }
    }
}
