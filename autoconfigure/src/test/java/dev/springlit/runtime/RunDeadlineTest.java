package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.springlit.SessionState;
import dev.springlit.element.Alert;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.run.RunLimits;
import dev.springlit.runtime.scope.CurrentSessionState;

/**
 * streamlit.runner.max-run-time: a run past it is interrupted and ends with a message; a run that ignores the
 * interrupt is abandoned after the grace (the session goes on, the run can write nothing any more); a page with too
 * many abandoned runs still stuck is refused until one of them ends.
 */
class RunDeadlineTest {

    /** What pages inject: the state of the run executing on the calling thread. */
    private static final SessionState STATE = new CurrentSessionState();
    private static final RunLimits SHORT = new RunLimits(100, Duration.ofMillis(200), Duration.ofMillis(200), 2);
    /**
     * The same deadline with a long grace: a callback that wakes at the interrupt ends in overtime, never abandoned,
     * even on a machine so loaded that its thread waits longer than 200 ms for a core (seen at load average ~40).
     */
    private static final RunLimits SHORT_PATIENT = new RunLimits(100, Duration.ofMillis(200), Duration.ofSeconds(10), 2);

    /** Spins on the CPU ignoring interrupts, never calling St or SessionState, until {@code release} is set. */
    private static void spinIgnoringInterrupts(AtomicBoolean release) {
        while (!release.get()) {
            Thread.onSpinWait();
        }
    }

    private static List<String> alerts(RuntimeHarness.Tab tab) {
        return tab.elements(Alert.class).stream().map(Alert::body).toList();
    }

    @Test
    void aRunBlockedPastTheDeadlineIsInterruptedAndTheTabSeesWhy() {
        AtomicInteger clicks = new AtomicInteger();
        try (RuntimeHarness harness = RuntimeHarness.start(SHORT_PATIENT, st -> {
            SessionState state = STATE;
            if (st.button("Go")) {
                clicks.incrementAndGet();
            }
            if (st.button("Sleep")) {
                state.put("slept", true); // discarded: the run does not complete
                try {
                    Thread.sleep(20_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        })) {
            RuntimeHarness.Tab tab = harness.open();
            long start = System.nanoTime();
            tab.click("Sleep");
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMs).as("the sleeping run ended at the deadline").isLessThan(5_000);
            assertThat(tab.lastStatus()).isEqualTo(RunStatus.ERROR);
            assertThat(alerts(tab)).anySatisfy(body -> assertThat(body)
                    .contains("took too long and was stopped").contains("200 ms").contains("streamlit.runner.max-run-time"));
            assertThat(tab.state()).doesNotContainKey("slept");
            assertThat(harness.engine.overtimeRuns()).isEqualTo(1);
            assertThat(harness.engine.abandonedRuns()).isZero();

            tab.click("Go");
            assertThat(clicks).hasValue(1);
            assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
            assertThat(alerts(tab)).isEmpty();
        }
    }

    @Test
    void aCallbackBlockedPastTheDeadlineIsInterruptedToo() {
        try (RuntimeHarness harness = RuntimeHarness.start(SHORT_PATIENT, st -> st.button("Sleep", o -> o.onClick(() -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })))) {
            RuntimeHarness.Tab tab = harness.open();
            tab.click("Sleep");
            assertThat(tab.lastStatus()).isEqualTo(RunStatus.ERROR);
            assertThat(alerts(tab)).anySatisfy(body -> assertThat(body).contains("took too long"));
        }
    }

    @Test
    void aRunThatIgnoresTheInterruptIsAbandonedTheSessionGoesOnAndTheRunCanNeverCommit() {
        AtomicBoolean release = new AtomicBoolean();
        AtomicInteger clicks = new AtomicInteger();
        AtomicBoolean lateRunReturned = new AtomicBoolean();
        try (RuntimeHarness harness = RuntimeHarness.start(SHORT, st -> {
            SessionState state = STATE;
            if (st.button("Go")) {
                clicks.incrementAndGet();
            }
            if (st.button("Spin")) {
                state.put("late", true);
                spinIgnoringInterrupts(release);
                lateRunReturned.set(true);
            }
        })) {
            RuntimeHarness.Tab tab = harness.open();
            tab.click("Spin"); // returns once the session is idle again: after the abandonment
            assertThat(tab.lastStatus()).isEqualTo(RunStatus.ERROR);
            assertThat(alerts(tab)).anySatisfy(body -> assertThat(body).contains("This run was abandoned")
                    .contains("200 ms").contains("your next interaction starts a new run"));
            assertThat(harness.engine.stuckRuns()).isEqualTo(1);
            assertThat(harness.engine.abandonedRuns()).isEqualTo(1);
            assertThat(harness.engine.overtimeRuns()).isEqualTo(1);

            for (int i = 1; i <= 5; i++) {
                tab.click("Go");
                assertThat(clicks).hasValue(i);
                assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
            }

            release.set(true);
            RuntimeHarness.await("the abandoned run's thread to come back", lateRunReturned::get);
            RuntimeHarness.await("the stuck count to drop", () -> harness.engine.stuckRuns() == 0);
            tab.click("Go");
            assertThat(tab.state()).as("the abandoned run committed nothing").doesNotContainKey("late");
            assertThat(clicks).hasValue(6);
        }
    }

    @Test
    void pastTheCapOfStuckRunsThePageIsRefusedUntilOneEnds() {
        AtomicBoolean release = new AtomicBoolean();
        AtomicInteger renders = new AtomicInteger();
        try (RuntimeHarness harness = RuntimeHarness.start(SHORT, st -> {
            renders.incrementAndGet();
            if (st.button("Spin")) {
                spinIgnoringInterrupts(release);
            }
            st.text("ready");
        })) {
            RuntimeHarness.Tab first = harness.open();
            first.click("Spin");
            RuntimeHarness.Tab second = harness.open();
            second.click("Spin");
            assertThat(harness.engine.stuckRuns()).isEqualTo(2);
            assertThat(harness.engine.refusedPages()).containsExactly("/");

            int rendersBefore = renders.get();
            RuntimeHarness.Tab third = harness.open();
            assertThat(renders).as("a refused page is not run").hasValue(rendersBefore);
            assertThat(third.lastStatus()).isEqualTo(RunStatus.ERROR);
            assertThat(alerts(third)).singleElement().asString().contains("This page is unavailable for now")
                    .contains("2 of its runs are stuck").contains("streamlit.runner.max-abandoned-runs-per-page");

            release.set(true);
            RuntimeHarness.await("the stuck runs to end", () -> harness.engine.stuckRuns() == 0);
            third.rerun();
            assertThat(third.lastStatus()).isEqualTo(RunStatus.OK);
            assertThat(alerts(third)).isEmpty();
            assertThat(harness.engine.refusedPages()).isEmpty();
        }
    }

    @Test
    void withoutADeadlineNothingIsInterrupted() {
        RunLimits none = new RunLimits(100, Duration.ZERO, Duration.ofMillis(100), 1);
        try (RuntimeHarness harness = RuntimeHarness.start(none, st -> {
            if (st.button("Wait")) {
                try {
                    Thread.sleep(600);
                } catch (InterruptedException e) {
                    throw new AssertionError("interrupted without a deadline", e);
                }
            }
        })) {
            RuntimeHarness.Tab tab = harness.open();
            tab.click("Wait");
            assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
            assertThat(harness.engine.overtimeRuns()).isZero();
        }
    }
}
