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
        // 4 threads started freely; counted as blocked, each wait got a replacement (48 threads with the watch of
        // 298eb2f)
        assertThat(mostThreads(200, 50)).as("threads while 200 runs waited 50 ms each for the store")
                .isLessThanOrEqualTo(8);
    }

    @Test
    void runsWaitingLongForTheStoreDoNotAddAThreadForLackOfProgress() throws Exception {
        // no waiting run is taken while all 4 threads wait 1 s: the rule for pages spinning without end would add
        // a thread every 100 ms (about one for each of the 20 runs), each one more commit queued for the same store
        assertThat(mostThreads(20, 1_000)).as("threads while 20 runs waited 1 s each for the store")
                .isLessThanOrEqualTo(8);
    }

    /** The most threads the pool had while {@code runs} runs each waited {@code millis} for the store. */
    private int mostThreads(int runs, long millis) throws InterruptedException {
        AtomicInteger count = new AtomicInteger();
        pool = new RunThreadPool(1_000, 4, 2, Duration.ofSeconds(30), runnable -> {
            Thread thread = new Thread(runnable, "test-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch done = new CountDownLatch(runs);
        for (int i = 0; i < runs; i++) {
            pool.execute(() -> {
                StoreWaits.during(() -> sleep(millis)); // the commit's round trip, slow under load
                done.countDown();
            });
        }
        int most = 0;
        while (!done.await(5, TimeUnit.MILLISECONDS)) {
            most = Math.max(most, pool.threadCount());
        }
        return most;
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
