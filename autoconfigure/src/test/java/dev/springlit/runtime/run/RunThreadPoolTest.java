package dev.springlit.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.springlit.runtime.RuntimeHarness;

/**
 * The run pool grows with the runs that are blocked (blocked runs never make others wait), not with runs that only
 * wait for a core; it reuses the thread that just finished, shrinks back to nothing when idle, and past its maximum
 * makes runs wait their turn.
 */
class RunThreadPoolTest {

    private RunThreadPool pool;

    /** The plain elastic pool: a new thread for every run that finds none idle. */
    private RunThreadPool pool(int maxThreads, Duration keepAlive) {
        return pool(maxThreads, maxThreads, 1, keepAlive);
    }

    /** A pool that starts 4 threads freely and more only for blocked ones, as on a 2-core machine. */
    private RunThreadPool watchedPool(int maxThreads, Duration keepAlive) {
        return pool(maxThreads, 4, 2, keepAlive);
    }

    /**
     * {@link #watchedPool} without the rule for pages spinning on every thread (one more thread whenever no waiting
     * run was taken for 100 ms): on a loaded machine that rule rightly adds threads to any burst, as many as the load
     * delays it, so a test of the blocked-thread rules keeps it out of their way and needs no bound scaled with the
     * load.
     */
    private RunThreadPool watchedPoolWithoutTheSpinningRule(int maxThreads, Duration keepAlive) {
        AtomicInteger count = new AtomicInteger();
        pool = new RunThreadPool(maxThreads, 4, 2, keepAlive, Duration.ofHours(1), runnable -> {
            Thread thread = new Thread(runnable, "test-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return pool;
    }

    private RunThreadPool pool(int maxThreads, int freeThreads, int cores, Duration keepAlive) {
        AtomicInteger count = new AtomicInteger();
        pool = new RunThreadPool(maxThreads, freeThreads, cores, keepAlive, runnable -> {
            Thread thread = new Thread(runnable, "test-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return pool;
    }

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void blockedRunsEachGetAThreadAndTheThreadsEndOnceIdle() throws Exception {
        RunThreadPool pool = pool(1_000, Duration.ofMillis(200));
        int blocked = 300; // more than the old fixed pool of 256
        blockedRunsEachGetAThread(pool, blocked, () -> assertThat(pool.threadCount()).isEqualTo(blocked + 1));
    }

    /** {@code blocked} runs that wait for a release each get a thread, and one more run beside them too. */
    private static void blockedRunsEachGetAThread(RunThreadPool pool, int blocked, Runnable whileBlocked)
            throws InterruptedException {
        CountDownLatch started = new CountDownLatch(blocked);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < blocked; i++) {
            pool.execute(() -> {
                started.countDown();
                await(release);
            });
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).as("every blocked run got a thread").isTrue();
        CountDownLatch other = new CountDownLatch(1);
        pool.execute(other::countDown);
        assertThat(other.await(2, TimeUnit.SECONDS)).as("a run beside %d blocked ones", blocked).isTrue();
        whileBlocked.run();

        release.countDown();
        RuntimeHarness.await("the idle threads to end", () -> pool.threadCount() == 0);
    }

    @Test
    void runsOneAfterTheOtherReuseOneThreadInsteadOfStartingNewOnes() throws Exception {
        RunThreadPool pool = pool(256, Duration.ofSeconds(30));
        Set<Thread> used = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 500; i++) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(() -> {
                used.add(Thread.currentThread());
                done.countDown();
            });
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            // as a tab's next click comes after its last run ended (the old pool started a thread for each)
            RuntimeHarness.await("the thread to be idle", () -> pool.busyCount() == 0);
        }
        assertThat(used).hasSize(1);
        assertThat(pool.threadCount()).isEqualTo(1);
    }

    @Test
    void afterABurstTheThreadsThatAreNotNeededTimeOutWhileOneKeepsWorking() throws Exception {
        RunThreadPool pool = pool(100, Duration.ofMillis(300));
        CountDownLatch started = new CountDownLatch(50);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 50; i++) {
            pool.execute(() -> {
                started.countDown();
                await(release);
            });
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        // a steady trickle of runs, more often than the keep-alive: the most recently idle thread takes each
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
        while (System.nanoTime() < until) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(done::countDown);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(5);
        }
        assertThat(pool.threadCount()).as("threads left after the burst").isLessThanOrEqualTo(3);
    }

    @Test
    void pastTheMaximumRunsWaitTheirTurnInOrder() throws Exception {
        // one thread, so the waiting runs' order is not blurred by two threads appending at once
        RunThreadPool pool = pool(1, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            await(release);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        StringBuffer order = new StringBuffer();
        CountDownLatch waited = new CountDownLatch(3);
        for (String name : new String[] {"a", "b", "c"}) {
            pool.execute(() -> {
                order.append(name);
                waited.countDown();
            });
        }
        assertThat(pool.waitingCount()).isEqualTo(3);
        assertThat(waited.await(200, TimeUnit.MILLISECONDS)).as("no second thread").isFalse();
        release.countDown();
        assertThat(waited.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order.toString()).isEqualTo("abc");
        assertThat(pool.threadCount()).isLessThanOrEqualTo(1);
    }

    @Test
    void aRunThatThrowsAnErrorDoesNotCostItsThread() throws Exception {
        RunThreadPool pool = pool(4, Duration.ofSeconds(30));
        CountDownLatch thrown = new CountDownLatch(1);
        pool.execute(() -> {
            thrown.countDown();
            throw new OutOfMemoryError("injected");
        });
        assertThat(thrown.await(5, TimeUnit.SECONDS)).isTrue();
        RuntimeHarness.await("the thread to be idle again", () -> pool.busyCount() == 0);
        CountDownLatch next = new CountDownLatch(1);
        pool.execute(next::countDown);
        assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.threadCount()).isEqualTo(1);
    }

    @Test
    void anIdleThreadKeepsNoTaskReachable() throws Exception {
        RunThreadPool pool = pool(4, Duration.ofSeconds(30));
        List<WeakReference<Runnable>> tasks = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // the task a thread was started for, then one handed to it while idle
            CountDownLatch done = new CountDownLatch(1);
            Runnable task = done::countDown;
            tasks.add(new WeakReference<>(task));
            pool.execute(task);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            RuntimeHarness.await("the thread to be idle", () -> pool.busyCount() == 0);
        }
        // a session's drain is such a task: an idle thread holding it would keep an expired session alive
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tasks.stream().anyMatch(ref -> ref.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(tasks).allSatisfy(ref -> assertThat(ref.get()).isNull());
        assertThat(pool.threadCount()).isEqualTo(1);
    }

    @Test
    void blockedRunsEachGetAThreadEvenPastTheThreadsStartedFreely() throws Exception {
        blockedRunsEachGetAThread(watchedPool(1_000, Duration.ofMillis(200)), 300, () -> { });
    }

    @Test
    void aCrowdOfBlockedRunsHasItsThreadsStartedByTheRunThreadsStartedBeforeThem() throws Exception {
        // one thread starting them all waits for each new thread to run: on a loaded machine 2,000 took seconds
        Set<String> starters = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        pool = new RunThreadPool(4_000, 4, 2, Duration.ofMillis(200), runnable -> {
            starters.add(Thread.currentThread().getName());
            Thread thread = new Thread(runnable, "test-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        blockedRunsEachGetAThread(pool, 2_000, () -> {
            assertThat(pool.threadCount()).isBetween(2_000, 2_001); // the last run's thread may have ended
            assertThat(starters).as("threads that started run threads")
                    .anyMatch(name -> name.startsWith("test-run-") && !name.endsWith("-watch"));
        });
    }

    @Test
    void aBurstOfShortRunsIsServedByAFewThreadsNotOnePerWaitingRun() throws Exception {
        RunThreadPool pool = watchedPool(1_000, Duration.ofSeconds(30));
        burst(pool, 2_000, () -> spin(TimeUnit.MICROSECONDS.toNanos(500))); // short runs, rendering included
        // the old pool started a thread whenever none was idle: hundreds for a burst like this one
        assertThat(pool.threadCount()).as("threads left by the burst").isLessThanOrEqualTo(32);
    }

    @Test
    void runsThatWaitBrieflyWhileTheyWorkAreServedByAFewThreadsNotCountedAsBlocked() throws Exception {
        RunThreadPool pool = watchedPoolWithoutTheSpinningRule(1_000, Duration.ofSeconds(30));
        burst(pool, 400, () -> {
            // a run that works and waits briefly in turn (its writes' completions, a short lock or stream hold):
            // caught parked at two looks, it still worked between them
            for (int step = 0; step < 10; step++) {
                spin(TimeUnit.MICROSECONDS.toNanos(400));
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(300));
            }
        });
        // counted as blocked whenever two looks found it parked, the pool started a replacement each time: 81-119
        // threads at load 28-40 on 2 cores; with its CPU time read, 26-58 there (33 at load 44): a thread whose park
        // ended, or that was just handed a run, still shows as parked until it gets a core. Linux's view of the
        // thread (runnable) and leaving handed threads out of the looks: 4-5 threads at load 6-44. The bound was
        // scaled with the load past 20 runnable threads per core; without the spinning rule (see above) the 4
        // threads started freely serve the burst at any load, so it is not
        System.out.printf("RunThreadPoolTest: runs waiting briefly while working left %d threads (load %.1f)%n",
                pool.threadCount(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(pool.threadCount()).as("threads left by the burst").isLessThanOrEqualTo(8);
    }

    @Test
    void runsThatOnlyWaitForACoreOnAnOverloadedMachineAreNotTakenForBlockedOnes() throws Exception {
        RunThreadPool pool = watchedPoolWithoutTheSpinningRule(1_000, Duration.ofSeconds(30));
        // 48 threads outside the pool keep both cores busy: each run thread gets a core now and then, less often
        // than the looks without CPU after which a runnable thread counts as blocked (the load average, which sets
        // that number, has not caught up with them yet), which without Linux's view looked like a run blocked in
        // native I/O (12 such threads were not enough at load 10: every run thread got a core often enough)
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> hogs = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Thread hog = new Thread(() -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            }, "test-hog-" + i);
            hog.setDaemon(true);
            hog.start();
            hogs.add(hog);
        }
        try {
            burst(pool, 100, () -> spin(TimeUnit.MILLISECONDS.toNanos(2)));
        } finally {
            stop.set(true);
            for (Thread hog : hogs) {
                hog.join();
            }
        }
        System.out.printf("RunThreadPoolTest: runs waiting for a core left %d threads (load %.1f)%n",
                pool.threadCount(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // the 4 started freely; without the spinning rule (see above) the load adds none (10 without Linux's view)
        assertThat(pool.threadCount()).as("threads left by the burst").isLessThanOrEqualTo(6);
    }

    @Test
    void pagesSpinningWithoutEndOnEveryThreadStillLetAWaitingRunThrough() throws Exception {
        RunThreadPool pool = watchedPool(1_000, Duration.ofSeconds(30));
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch spinning = new CountDownLatch(4);
        try {
            for (int i = 0; i < 4; i++) {
                pool.execute(() -> {
                    spinning.countDown();
                    while (!stop.get()) {
                        Thread.onSpinWait();
                    }
                });
            }
            assertThat(spinning.await(10, TimeUnit.SECONDS)).isTrue();
            CountDownLatch other = new CountDownLatch(1);
            pool.execute(other::countDown);
            assertThat(other.await(10, TimeUnit.SECONDS)).as("a run behind four spinning pages").isTrue();
        } finally {
            stop.set(true);
        }
    }

    /** Hands the pool {@code runs} runs of {@code work} at once and waits until all of them have ended. */
    private static void burst(RunThreadPool pool, int runs, Runnable work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(runs);
        for (int i = 0; i < runs; i++) {
            pool.execute(() -> {
                work.run();
                done.countDown();
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    }

    private static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
