package dev.springlit.runtime.run;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Decides, while runs wait for a thread, whether the busy run threads are working or stuck, and starts more
 * threads only when they are stuck. A busy thread parked (sleeping, waiting on a latch, a queue or a future) at two
 * looks in a row without CPU time used between them is blocked (one that worked between two short waits is not);
 * a runnable one, or one waiting for a lock, is blocked (in native I/O: a JDBC or socket
 * read) when its CPU time stood still for two looks (more on an overloaded machine, see
 * {@link #cpuStalledChecks()}), and working when it went up. So a burst of short runs is served by the few threads
 * the cores can run (no thread per waiting run), while pages that block still never make other tabs wait longer
 * than a few looks: each thread that has just blocked gets its replacement; when fewer threads work than there are
 * cores, threads are started for the difference; when none works at all, the pool doubles; and while most busy
 * threads are parked (a crowd of tabs in a sleeping page), each look starts as many threads as are parked, so 2,000
 * such runs have their threads after a dozen looks however slowly the new threads get to their first block. Pages
 * that spin on the CPU without end look like work; they are caught by the last rule: when no waiting run was taken
 * for a while, one more thread is started.
 *
 * <p>Neither rule takes a thread Linux shows runnable ({@link LinuxThreads}) for a blocked one: without CPU time
 * or still shown parked, it only waits for a core (at load 1-3 on 2 cores such waits of 20 ms made the 100-tab
 * dashboard burst leave 57 run threads). A thread handed a run is not looked at until it has taken the run.
 *
 * <p>Why the thread state first: reading a thread's CPU time is a system call, and on a loaded machine a look over
 * 2,000 busy threads took long enough to let the crowd in a few at a time; the state is a field read, and a thread
 * parked now is not working now, whatever the load. CPU time is read for runnable threads, for which the state
 * cannot tell working from waiting for a core or for the network, and for a parked thread only until it counts as
 * blocked: while it stays parked after that, it is not read again.
 *
 * <p>Threading: one watch thread at a time, started by the pool when a run has to wait and ending as soon as none
 * waits; it reads the pool's state under the pool's lock and measures the threads outside it.
 */
final class StalledRunsWatch implements Runnable {

    /** What the watch needs from its pool. */
    interface Pool {

        /** The threads executing a run now, or {@code null} when no run waits any more (the watch then ends). */
        List<Busy> busyThreadsIfRunsWait();

        /** Threads given a waiting run whose start is under way (they take no part in the looks yet). */
        int threadsStarting();

        /** Runs taken from the waiting line so far. */
        long waitingRunsTaken();

        /** Starts up to {@code count} threads, each for the run that has waited longest. */
        void startForWaitingRuns(int count);
    }

    /** A thread executing a run, with its Linux id ({@link LinuxThreads}; -1 when unknown). */
    record Busy(Thread thread, int linuxId) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean SYSTEM = ManagementFactory.getOperatingSystemMXBean();
    /**
     * Looks in a row parked, or without CPU use on a machine with no more runnable threads than cores, after which a
     * busy thread counts as blocked.
     */
    private static final int STALLED_CHECKS = 2;
    /** No CPU time read yet for this thread: any reading counts as progress. */
    private static final long UNREAD = Long.MIN_VALUE;

    private final Pool pool;
    private final int cores;
    private final long checkEveryNanos;
    private final long noProgressNanos;

    /** What the last looks saw of each busy thread (watch thread only); threads no longer busy are dropped. */
    private final Map<Thread, Seen> seen = new IdentityHashMap<>();
    private long look;
    /** How many threads the last look found stalled for the first time in their current run. */
    private int newlyStalled;
    /** How many busy threads the last look found parked for {@link #STALLED_CHECKS} looks or more. */
    private int parked;
    /** How many busy threads the last look found waiting for the session store ({@link StoreWaits}). */
    private int storeWaits;

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
            List<Busy> busy = pool.busyThreadsIfRunsWait();
            if (busy == null) {
                return;
            }
            long now = System.nanoTime();
            long taken = pool.waitingRunsTaken();
            if (taken != lastTaken) {
                lastTaken = taken;
                lastTakenAt = now;
            }
            // threads still being started are about to work: without them the pool would look more blocked than it is
            int starting = pool.threadsStarting();
            int working = working(busy) + starting;
            int busyCount = busy.size() + starting;
            int more;
            if (working == 0) {
                more = Math.max(cores, busyCount);
            } else if (working < cores) {
                more = cores - working;
            } else if (now - lastTakenAt >= noProgressNanos && storeWaits < busy.size()) {
                // (not while every busy thread waits for the session store: one more would only queue one more commit)
                more = 1;
                lastTakenAt = now;
            } else {
                more = 0;
            }
            // each thread that has just blocked gets its replacement, whatever the others do: otherwise a crowd of
            // blocked runs beside a few working ones is let in a couple per look
            more = Math.max(more, newlyStalled);
            // most busy threads parked: the runs waiting are likely to park too, and starting one thread per parked
            // one grows the pool by half or more each look instead of one generation of replacements per two looks;
            // a thread runnable but without CPU never counts here (on a loaded machine it may only wait for a core)
            if (parked * 2 > busyCount) {
                more = Math.max(more, parked);
            }
            if (more > 0) {
                pool.startForWaitingRuns(more);
            }
        }
    }

    /**
     * How many of {@code busy} are working: neither parked for {@link #STALLED_CHECKS} looks nor without CPU use for
     * {@link #cpuStalledChecks()}. One look is not enough: a thread may be caught in a short wait, or wait that long
     * for a core. A thread not seen busy before has just taken its run: it counts as working until it has stalled
     * for the looks that follow.
     */
    private int working(List<Busy> busy) {
        look++;
        newlyStalled = 0;
        parked = 0;
        storeWaits = 0;
        int working = 0;
        int cpuChecks = cpuStalledChecks();
        for (Busy each : busy) {
            Thread thread = each.thread();
            Seen before = seen.get(thread);
            Seen now = before != null ? before : new Seen();
            boolean wasSeen = before != null;
            Thread.State state = thread.getState();
            int needed;
            // parked counts as blocked, except a thread waiting for a lock (BLOCKED on a monitor, or parked on a
            // Lock): it waits for another thread, not for the outside world, and more threads would queue on the
            // same lock (2,000 runs sharing one lock got 800-1,000 threads). It is left to the CPU rule, as before.
            if (StoreWaits.isWaiting(thread)) {
                needed = STALLED_CHECKS; // its commit's round trip to the session store: work, not a block
                now.still = 0;
                now.cpu = UNREAD;
                storeWaits++;
            } else if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                    && !waitsForALock(thread)) {
                needed = STALLED_CHECKS;
                // parked at two looks may still have worked between them (short waits inside a busy run): its CPU
                // time tells, read until it counts as blocked and not again while it stays parked
                boolean known = wasSeen && now.still >= needed && now.cpu != UNREAD;
                long cpu = known ? now.cpu : cpuTime(thread);
                now.still = !wasSeen || cpu < 0 || now.cpu == UNREAD || cpu > now.cpu ? 1 : now.still + 1;
                now.cpu = cpu;
                if (now.still == needed && LinuxThreads.runnable(each.linuxId())) {
                    now.still = needed - 1; // its park has ended and it waits for a core: not blocked
                }
                if (now.still >= needed) {
                    parked++;
                }
            } else {
                needed = cpuChecks;
                long cpu = cpuTime(thread);
                now.still = !wasSeen || cpu < 0 || now.cpu == UNREAD || cpu > now.cpu ? 0 : now.still + 1;
                now.cpu = cpu;
                if (now.still == needed && LinuxThreads.runnable(each.linuxId())) {
                    now.still = 0; // no CPU time because it waits for a core, not for I/O: working
                }
            }
            now.look = look;
            if (now.still < needed) {
                working++;
            } else if (now.still == needed) {
                newlyStalled++;
            }
            if (!wasSeen) {
                seen.put(thread, now);
            }
        }
        for (Iterator<Seen> each = seen.values().iterator(); each.hasNext(); ) {
            if (each.next().look != look) {
                each.remove();
            }
        }
        return working;
    }

    /**
     * Looks without CPU use after which a runnable thread counts as blocked: {@link #STALLED_CHECKS}, times the
     * runnable threads per core when the machine has more than its cores can run (load average). There a working
     * thread waits for a core about that many times longer, and counted as blocked it would make a burst of short
     * runs start threads that only queue for the cores (2,000 runs of 0.5 ms left 32–68 threads at load 35).
     */
    private int cpuStalledChecks() {
        double load = SYSTEM.getSystemLoadAverage(); // negative where the system cannot tell
        return load > cores ? STALLED_CHECKS * (int) Math.ceil(load / cores) : STALLED_CHECKS;
    }

    /** Whether {@code thread} is parked waiting for a {@link Lock} or a {@link ReadWriteLock}. */
    private static boolean waitsForALock(Thread thread) {
        Object blocker = LockSupport.getBlocker(thread);
        if (!(blocker instanceof AbstractQueuedSynchronizer)) {
            return false;
        }
        Class<?> owner = blocker.getClass().getEnclosingClass(); // ReentrantLock$NonfairSync: ReentrantLock
        return owner != null && (Lock.class.isAssignableFrom(owner) || ReadWriteLock.class.isAssignableFrom(owner));
    }

    /** What the watch saw of one busy thread. */
    private static final class Seen {
        /** CPU time at the last look that read it, or {@link #UNREAD}. */
        long cpu = UNREAD;
        /** Looks in a row it was parked or its CPU time stood still. */
        int still;
        /** The look that last saw it busy. */
        long look;
    }

    /** Whether this JVM measures other threads' CPU time; without it the pool cannot tell blocked from working. */
    static boolean canMeasure() {
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** CPU time of the thread in nanoseconds; -1 once it has ended (then it counts as working this once). */
    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; the baseline is 17
    private static long cpuTime(Thread thread) {
        return THREADS.getThreadCpuTime(thread.getId());
    }
}
