package dev.springlit.runtime.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Decides, while runs wait for a thread, whether the busy run threads are working or stuck, and starts more
 * threads only when they are stuck. A busy thread whose CPU time went up in the last two looks is working; one whose
 * CPU time stood still that long is blocked (a slow query, an HTTP or LLM call, a sleep). So a burst of short runs is served
 * by the few threads the cores can run (no thread per waiting run), while pages that block still never make other
 * tabs wait longer than a few checks: when fewer threads work than there are cores, threads are started for the
 * difference, and when none works at all, the pool doubles. Pages that spin on the CPU without end look like work;
 * they are caught by the second rule: when no waiting run was taken for a while, one more thread is started.
 *
 * <p>Threading: one watch thread at a time, started by the pool when a run has to wait and ending as soon as none
 * waits; it reads the pool's state under the pool's lock and measures CPU times outside it.
 */
final class StalledRunsWatch implements Runnable {

    /** What the watch needs from its pool. */
    interface Pool {

        /** The threads executing a run now, or {@code null} when no run waits any more (the watch then ends). */
        List<Thread> busyThreadsIfRunsWait();

        /** Runs taken from the waiting line so far. */
        long waitingRunsTaken();

        /** Starts up to {@code count} threads, each for the run that has waited longest. */
        void startForWaitingRuns(int count);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Pool pool;
    private final int cores;
    private final long checkEveryNanos;
    private final long noProgressNanos;
    /** Looks in a row without CPU use after which a busy thread counts as blocked. */
    private static final int STALLED_CHECKS = 2;

    /** Each busy thread's CPU time at the last look and looks since it last rose, by thread id (watch thread only). */
    private final Map<Long, long[]> lastCpu = new HashMap<>();
    /** How many threads the last look found stalled for the first time in their current run. */
    private int newlyStalled;

    StalledRunsWatch(Pool pool, int cores, long checkEveryNanos, long noProgressNanos) {
        this.pool = pool;
        this.cores = cores;
        this.checkEveryNanos = checkEveryNanos;
        this.noProgressNanos = noProgressNanos;
    }

    @Override
    public void run() {
        long lastTaken = pool.waitingRunsTaken();
        long lastTakenAt = System.nanoTime();
        while (true) {
            LockSupport.parkNanos(this, checkEveryNanos);
            List<Thread> busy = pool.busyThreadsIfRunsWait();
            if (busy == null) {
                return;
            }
            long now = System.nanoTime();
            long taken = pool.waitingRunsTaken();
            if (taken != lastTaken) {
                lastTaken = taken;
                lastTakenAt = now;
            }
            int working = working(busy);
            int more;
            if (working == 0) {
                more = Math.max(cores, busy.size());
            } else if (working < cores) {
                more = cores - working;
            } else if (now - lastTakenAt >= noProgressNanos) {
                more = 1;
                lastTakenAt = now;
            } else {
                more = 0;
            }
            // each thread that has just blocked gets its replacement, whatever the others do: otherwise a crowd of
            // blocked runs beside a few working ones is let in a couple per look
            more = Math.max(more, newlyStalled);
            if (more > 0) {
                pool.startForWaitingRuns(more);
            }
        }
    }

    /**
     * How many of {@code busy} are working: used CPU in the last {@link #STALLED_CHECKS} looks. One look is not
     * enough on a machine with many more runnable threads than cores, where a working thread may wait that long for
     * a core. Threads no longer busy are forgotten.
     */
    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; the baseline is 17
    private int working(List<Thread> busy) {
        Map<Long, long[]> seen = new HashMap<>(busy.size() * 2);
        newlyStalled = 0;
        int working = 0;
        for (Thread thread : busy) {
            long id = thread.getId();
            long cpu = cpuTime(id);
            long[] before = lastCpu.get(id);
            // a thread not seen busy before has just taken its run: it counts as working; so does one in a store wait
            int stalled = before == null || cpu < 0 || cpu > before[0] || StoreWaits.isWaiting(thread)
                    ? 0 : (int) before[1] + 1;
            if (stalled < STALLED_CHECKS) {
                working++;
            } else if (stalled == STALLED_CHECKS) {
                newlyStalled++;
            }
            seen.put(id, new long[] {cpu, stalled});
        }
        lastCpu.clear();
        lastCpu.putAll(seen);
        return working;
    }

    /** Whether this JVM measures other threads' CPU time; without it the pool cannot tell blocked from working. */
    static boolean canMeasure() {
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** CPU time of the thread in nanoseconds; -1 once it has ended (then it counts as working this once). */
    private static long cpuTime(long threadId) {
        return THREADS.getThreadCpuTime(threadId);
    }
}
