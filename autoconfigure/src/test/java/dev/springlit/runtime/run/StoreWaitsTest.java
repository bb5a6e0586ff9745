package dev.springlit.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs that wait for the session store (their commit's round trip) are not blocked runs: the pool does not start a
 * thread for each, which under load made hundreds of threads whose commits timed out behind each other.
 */
class StoreWaitsTest {

    private RunThreadPool pool;

    @AfterEach
    void shutDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void runsWaitingForTheStoreAreServedByAFewThreadsNotOneEach() throws Exception {
        AtomicInteger count = new AtomicInteger();
        pool = new RunThreadPool(1_000, 4, 2, Duration.ofSeconds(30), runnable -> {
            Thread thread = new Thread(runnable, "test-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        int runs = 200;
        CountDownLatch done = new CountDownLatch(runs);
        for (int i = 0; i < runs; i++) {
            pool.execute(() -> {
                StoreWaits.during(() -> sleep(50)); // the commit's round trip, slow under load
                done.countDown();
            });
        }
        int most = 0;
        while (!done.await(5, TimeUnit.MILLISECONDS)) {
            most = Math.max(most, pool.threadCount());
        }
        // 4 started freely; a few more only if no waiting run was taken for a while (a loaded machine)
        assertThat(most).as("threads while %d runs waited for the store", runs).isLessThanOrEqualTo(12);
    }

    private static Void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
