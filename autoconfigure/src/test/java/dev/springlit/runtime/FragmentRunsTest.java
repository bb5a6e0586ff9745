package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.run.FragmentScheduler;
import dev.springlit.runtime.run.RuntimeSettings;

/** Fragment runs as the tab sees them (S10.1 ops, S10.2 timers and parking, S10.4 transactions and superseding). */
class FragmentRunsTest {

    /** A scheduler whose timers tick only when the test says so. */
    private static final class ManualTimers implements FragmentScheduler {
        final List<Runnable> ticks = new CopyOnWriteArrayList<>();
        final AtomicInteger cancelled = new AtomicInteger();

        @Override
        public Timer every(Duration period, Runnable tick) {
            ticks.add(tick);
            return () -> {
                ticks.remove(tick);
                cancelled.incrementAndGet();
            };
        }

        void tickAll() {
            ticks.forEach(Runnable::run);
        }
    }

    @Test
    void s10_1_aFragmentRunSendsOpsOnlyUnderItsFragmentAndTheDeltasNameIt() {
        AtomicInteger pageRuns = new AtomicInteger();
        try (RuntimeHarness app = RuntimeHarness.start(st -> {
            st.write("page run", pageRuns.incrementAndGet());
            st.fragment("f", f -> {
                f.button("Go");
                f.write("clicks", app().state.getOrDefault("clicks", 0));
                if (f.button("Count")) {
                    app().state.put("clicks", app().state.getOrDefault("clicks", 0) + 1);
                }
            });
            st.write("below");
        })) {
            harness = app;
            RuntimeHarness.Tab tab = app.open();
            ElementPath fragment = fragmentPath(tab);
            int before = tab.connection.messages().size();

            tab.click("Count");
            tab.click("Go");

            List<ServerMessage.Delta> deltas = tab.connection.messages().subList(before, tab.connection.messages().size())
                    .stream().filter(ServerMessage.Delta.class::isInstance).map(ServerMessage.Delta.class::cast).toList();
            assertThat(deltas).isNotEmpty().allSatisfy(delta -> {
                assertThat(delta.fragment()).isEqualTo(fragment);
                assertThat(delta.ops()).allSatisfy(op -> assertThat(path(op).startsWith(fragment)).isTrue());
            });
            assertThat(deltas.stream().flatMap(d -> d.ops().stream())).isNotEmpty();
            assertThat(pageRuns).hasValue(1);
            assertThat(tab.state()).containsEntry("clicks", 1);
        }
    }

    @Test
    void s10_4_aPageRequestSupersedesARunningFragmentRunWhoseWritesVanishAndWhoseClickCountsOnce() {
        Gate gate = new Gate();
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicInteger pageRuns = new AtomicInteger();
        AtomicBoolean interruptedAtGate = new AtomicBoolean();
        try (RuntimeHarness app = RuntimeHarness.start(st -> {
            pageRuns.incrementAndGet();
            st.checkbox("Outside");
            st.fragment("f", f -> {
                if (f.button("Add")) {
                    app().state.put("n", app().state.getOrDefault("n", 0) + 1);
                    if (first.getAndSet(false)) {
                        interruptedAtGate.set(gate.pass());
                    }
                }
                f.write("n =", app().state.getOrDefault("n", 0));
            });
        })) {
            harness = app;
            RuntimeHarness.Tab tab = app.open();
            tab.clickAsync("Add");
            gate.awaitEntered();

            tab.session.interact(Map.of(tab.widgetId("Outside"), true), null); // outside: a page request
            gate.open();
            tab.awaitIdle();

            assertThat(tab.state()).containsEntry("n", 1);
            assertThat(interruptedAtGate).isTrue();
            assertThat(pageRuns).hasValue(2); // the first run, then the page run that replayed the click once
            assertThat(tab.connection.runEnds()).hasSize(2); // the interrupted fragment run never ended for the tab
        }
    }

    @Test
    void s10_2_timersTickOnlyWhileTheTabIsConnectedAndStopWithTheSession() {
        ManualTimers timers = new ManualTimers();
        AtomicInteger ticks = new AtomicInteger();
        RuntimeSettings settings = RuntimeSettings.builder().fragmentScheduler(timers).build();
        try (RuntimeHarness app = RuntimeHarness.start(settings, st ->
                st.fragment("clock", Duration.ofSeconds(2), f -> f.write("tick", ticks.incrementAndGet())))) {
            RuntimeHarness.Tab tab = app.open();
            assertThat(timers.ticks).hasSize(1);

            timers.tickAll();
            tab.awaitIdle();
            assertThat(ticks).hasValue(2);

            tab.session.detach(tab.connection); // parked: the fragment is not on any screen
            timers.tickAll();
            tab.awaitIdle();
            assertThat(ticks).hasValue(2);

            tab.reconnect();
            timers.tickAll();
            tab.awaitIdle();
            assertThat(ticks).hasValue(3);

            app.engine.sessions().remove(tab.session);
            assertThat(timers.ticks).isEmpty();
            assertThat(timers.cancelled).hasValue(1);
        }
    }

    @Test
    void s10_2_theEnginesOwnTimerThreadRerunsATimedFragmentWithoutAnyClick() {
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger pageRuns = new AtomicInteger();
        try (RuntimeHarness app = RuntimeHarness.start(st -> {
            pageRuns.incrementAndGet();
            st.fragment("clock", Duration.ofMillis(20), f -> f.write("tick", ticks.incrementAndGet()));
        })) {
            app.open();
            RuntimeHarness.await("three timer runs of the fragment", () -> ticks.get() >= 4);

            assertThat(pageRuns).hasValue(1);
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("springlit-fragment-timers"));
        }
    }

    /** A scheduler that fails once (as a broken one did, inside the commit) must not leave the session stuck. */
    @Test
    void aFailureWhileCommittingARunEndsItAsAnErrorAndLaterClicksStillRun() {
        AtomicBoolean failed = new AtomicBoolean();
        ManualTimers working = new ManualTimers();
        FragmentScheduler failingOnce = (period, tick) -> {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the scheduler is down");
            }
            return working.every(period, tick);
        };
        RuntimeSettings settings = RuntimeSettings.builder().fragmentScheduler(failingOnce).build();
        try (RuntimeHarness app = RuntimeHarness.start(settings, st -> {
            if (st.button("Count")) {
                app().state.put("count", app().state.getOrDefault("count", 0) + 1);
            }
            st.fragment("clock", Duration.ofSeconds(2), f -> f.write("tick"));
        })) {
            harness = app;
            RuntimeHarness.Tab tab = app.open();
            assertThat(failed).isTrue();

            tab.click("Count");
            tab.click("Count");

            assertThat(tab.state()).containsEntry("count", 2);
            assertThat(tab.connection.runEnds()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private RuntimeHarness harness;

    private RuntimeHarness app() {
        return harness;
    }

    private static ElementPath fragmentPath(RuntimeHarness.Tab tab) {
        List<ServerMessage.SetOp> sets = tab.connection.messages(ServerMessage.Delta.class).stream()
                .flatMap(d -> d.ops().stream()).filter(ServerMessage.SetOp.class::isInstance)
                .map(ServerMessage.SetOp.class::cast)
                .filter(set -> set.element() instanceof Block block && block.kind().equals("fragment")).toList();
        assertThat(sets).isNotEmpty();
        return sets.get(0).path();
    }

    private static ElementPath path(ServerMessage.Op op) {
        if (op instanceof ServerMessage.SetOp set) {
            return set.path();
        }
        if (op instanceof ServerMessage.TrimOp trim) {
            return trim.path();
        }
        return ((ServerMessage.ReachedOp) op).path();
    }
}
