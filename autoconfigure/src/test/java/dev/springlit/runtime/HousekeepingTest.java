package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.springlit.runtime.session.Session;
import dev.springlit.Page;
import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.run.RunObserver;

/**
 * Background tasks survive whatever they throw, an OutOfMemoryError included (a ScheduledExecutorService would
 * cancel them for good), and their failures are counted and reported until they succeed again.
 */
class HousekeepingTest {

    /** Records what the runtime reports. */
    private static final class Failures implements RunObserver {
        final List<String> tasks = new CopyOnWriteArrayList<>();

        @Override
        public void housekeepingFailed(String task) {
            tasks.add(task);
        }
    }

    @Test
    void aTaskThatThrowsErrorsKeepsRunningAndIsReportedAsFailingUntilItSucceeds() {
        Failures observer = new Failures();
        try (Housekeeping housekeeping = new Housekeeping(() -> observer)) {
            AtomicInteger executions = new AtomicInteger();
            Runnable flaky = () -> {
                if (executions.incrementAndGet() <= 3) {
                    throw new OutOfMemoryError("injected");
                }
            };
            housekeeping.runSupervised("flush", flaky);
            assertThat(housekeeping.failingTasks()).containsExactly("flush (java.lang.OutOfMemoryError)");
            housekeeping.runSupervised("flush", flaky);
            housekeeping.runSupervised("flush", flaky);
            assertThat(housekeeping.failureCount()).isEqualTo(3);
            assertThat(observer.tasks).containsExactly("flush", "flush", "flush");

            housekeeping.runSupervised("flush", flaky);
            assertThat(housekeeping.failingTasks()).isEmpty();
            assertThat(housekeeping.failureCount()).isEqualTo(3);
        }
    }

    @Test
    void aScheduledTaskRunsOnAfterItThrew() throws Exception {
        try (Housekeeping housekeeping = new Housekeeping(() -> RunObserver.NONE)) {
            CountDownLatch tenExecutions = new CountDownLatch(10);
            housekeeping.every(5, "expire", () -> {
                tenExecutions.countDown();
                throw new StackOverflowError("injected");
            });
            assertThat(tenExecutions.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(housekeeping.failureCount()).isGreaterThanOrEqualTo(9);
        }
    }

    /**
     * The flusher meets a tab whose connection throws an Error when written to from the flush thread (as
     * an OutOfMemoryError would): it goes on streaming slow runs of the other tabs, and the engine reports it.
     */
    @Test
    void theFlusherSurvivesAnErrorAndKeepsStreamingOtherTabsSlowRuns() throws Exception {
        CountDownLatch poisonedFlushes = new CountDownLatch(3);
        try (RuntimeHarness harness = RuntimeHarness.start(slowPage(6))) {
            ClientConnection poisoned = new ClientConnection() {
                @Override
                public void send(ServerMessage message) {
                    if (Thread.currentThread().getName().equals("springlit-flush")) {
                        poisonedFlushes.countDown();
                        throw new OutOfMemoryError("injected");
                    }
                }

                @Override
                public void close(String reason) {
                }
            };
            Session poisonedSession = harness.engine.sessions().create(harness.page).orElseThrow();
            poisonedSession.attach(poisoned, true);
            assertThat(poisonedFlushes.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(harness.engine.housekeepingFailures()).isPositive();

            RuntimeHarness.Tab other = harness.open();
            List<ServerMessage.Delta> partial = other.connection.messages(ServerMessage.Delta.class).stream()
                    .filter(delta -> delta.status() == null && !delta.ops().isEmpty()).toList();
            assertThat(partial).as("deltas the flusher sent while the other tab's run was still going").isNotEmpty();
        }
    }

    /**
     * The housekeeping thread, which also ends expired sessions and watches deadlines, only schedules the
     * streaming of slow runs: rendering (the connection's send) happens on the flush thread or the run's own.
     */
    @Test
    void theHousekeepingThreadOnlySchedulesFlushesAndNeverRenders() {
        try (RuntimeHarness harness = RuntimeHarness.start(slowPage(5))) {
            Set<String> sendingThreads = ConcurrentHashMap.newKeySet();
            ClientConnection watched = new ClientConnection() {
                @Override
                public void send(ServerMessage message) {
                    sendingThreads.add(Thread.currentThread().getName().replaceAll("-\\d+$", ""));
                }

                @Override
                public void close(String reason) {
                }
            };
            Session session = harness.engine.sessions().create(harness.page).orElseThrow();
            session.attach(watched, true);
            RuntimeHarness.await("the first run's end", () -> session.runCount() == 1 && session.isIdle());
            assertThat(sendingThreads).contains("springlit-flush").doesNotContain("springlit-housekeeping");
        }
    }

    /** A page that draws {@code steps} texts, 60 ms apart: slow enough for the flusher to stream it. */
    private static Page slowPage(int steps) {
        return st -> {
            for (int step = 0; step < steps; step++) {
                st.text("step " + step);
                try {
                    Thread.sleep(60);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
    }
}
