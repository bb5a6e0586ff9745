package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.session.SessionRegistry;

/** {@code streamlit.server.max-sessions-per-address} and {@code streamlit.server.untouched-session-ttl}. */
class SessionAdmissionTest {

    private RuntimeHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void anAddressHoldsAtMostItsShareOfSessionsAndGetsRoomBackWhenOneEnds() {
        harness = RuntimeHarness.start(st -> st.text("x"));
        SessionRegistry sessions = harness.engine.sessions();
        sessions.setMaxSessionsPerAddress(2);
        Session first = sessions.create(harness.page, "203.0.113.7").orElseThrow();
        sessions.create(harness.page, "203.0.113.7").orElseThrow();

        assertThat(sessions.create(harness.page, "203.0.113.7")).as("a third from the same address").isEmpty();
        assertThat(sessions.isAddressFull("203.0.113.7")).isTrue();
        assertThat(sessions.create(harness.page, "198.51.100.1")).as("another address").isPresent();
        assertThat(sessions.create(harness.page)).as("a session created without an address (the page tester)")
                .isPresent();

        sessions.remove(first);
        assertThat(sessions.countFrom("203.0.113.7")).isEqualTo(1);
        assertThat(sessions.create(harness.page, "203.0.113.7")).as("after one of them ended").isPresent();
    }

    @Test
    void aParkedSessionThatNeverDidAnythingGoesAfterTheShortTtlAndOneThatWasUsedStays() throws Exception {
        harness = RuntimeHarness.start(RuntimeHarness.settings(false, true, Duration.ofSeconds(120)), st -> {
            if (st.button("Inc")) {
                st.text("clicked");
            }
        });
        SessionRegistry sessions = harness.engine.sessions();
        sessions.setUntouchedSessionTtl(Duration.ofMillis(1));
        RuntimeHarness.Tab untouched = harness.open();
        RuntimeHarness.Tab used = harness.open();
        used.click("Inc");

        untouched.session.detach(untouched.connection);
        used.session.detach(used.connection);
        Thread.sleep(20);
        harness.engine.housekeeping().runNow("expire"); // the housekeeping thread's sweep, now

        assertThat(untouched.session.isAlive()).as("parked, never used after its first run").isFalse();
        assertThat(used.session.isAlive()).as("parked after a click: kept for the disconnected-session TTL").isTrue();
    }
}
