package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.springlit.runtime.run.RuntimeSettings;

/** Issue 8's faults: a page that never returns blocks nobody else, and its run ends with its session. */
class FaultsTest {

    /** Spins without ever calling St or SessionState, as a page stuck in a loop or on I/O does; only an interrupt ends it. */
    private static void spinUntilInterrupted(CountDownLatch started, AtomicBoolean ended) {
        started.countDown();
        while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
        ended.set(true);
    }

    @Test
    void aStuckPageNeverBlocksOtherSessionsAndEndsWhenItsSessionExpires() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        AtomicInteger clicks = new AtomicInteger();
        RuntimeSettings shortTtl = RuntimeHarness.settings(false, true, Duration.ofMillis(300));
        try (RuntimeHarness harness = RuntimeHarness.start(shortTtl, st -> {
            if (st.button("Go")) {
                clicks.incrementAndGet();
            }
            if (st.button("Hang")) {
                spinUntilInterrupted(started, ended);
            }
        })) {
            RuntimeHarness.Tab stuck = harness.open();
            stuck.clickAsync("Hang");
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            RuntimeHarness.Tab other = harness.open();
            for (int i = 0; i < 20; i++) {
                other.click("Go");
            }
            assertThat(clicks).as("another session works while one page hangs").hasValue(20);

            stuck.session.detach(stuck.connection);
            RuntimeHarness.await("the stuck run to end once its session expired", ended::get);
            RuntimeHarness.await("the expired session to be gone",
                    () -> harness.engine.sessions().find(stuck.session.id()).isEmpty());
            assertThat(harness.engine.sessions().find(other.session.id())).isPresent();
        }
    }

    @Test
    void manyStuckPagesStillLeaveRoomForOthers() throws Exception {
        int stuckPages = 24; // more than the JDK 17 pool's old size of 16 threads
        CountDownLatch started = new CountDownLatch(stuckPages);
        AtomicInteger clicks = new AtomicInteger();
        try (RuntimeHarness harness = RuntimeHarness.start(st -> {
            if (st.button("Go")) {
                clicks.incrementAndGet();
            }
            if (st.button("Hang")) {
                started.countDown();
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
            }
        })) {
            RuntimeHarness.Tab[] tabs = new RuntimeHarness.Tab[stuckPages];
            for (int i = 0; i < stuckPages; i++) {
                tabs[i] = harness.open();
                tabs[i].clickAsync("Hang");
            }
            assertThat(started.await(20, TimeUnit.SECONDS)).as("every stuck page got a thread").isTrue();
            RuntimeHarness.Tab other = harness.open();
            other.click("Go");
            assertThat(clicks).hasValue(1);
        }
    }
}
