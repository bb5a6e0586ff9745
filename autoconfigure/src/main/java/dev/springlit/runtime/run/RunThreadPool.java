// Over 300 lines: one lock guards the idle, waiting and busy threads, and every method that reads or changes them (hand-off, start, watch, idle wait, shutdown) must hold it, so they stay in one class.
package dev.springlit.runtime.run;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Platform threads for runs that grow with the runs that are blocked and shrink when idle. A run gets an idle
 * thread if there is one, else a new thread while fewer than {@code freeThreads} exist (a few per core); past
 * that it waits in line (first come, first served) while a {@link StalledRunsWatch} checks whether the busy
 * threads work or are blocked, and starts more threads, up to {@code maxThreads}, only for blocked ones. So a
 * burst of short runs is served by about as many threads as the cores can run (none left behind), while pages
 * that block (a slow query, an HTTP or LLM call) each hold one thread and never make other tabs wait for long,
 * and because Linux preempts platform threads, pages spinning on the CPU slow the others down but cannot stop
 * them. An idle thread waits {@code keepAlive} for more work, then ends: no thread is kept for an idle session.
 *
 * <p>Idle threads are reused last-in first-out: the thread that just finished a run takes the next one (its
 * caches are warm, and a single busy tab keeps using one thread), while threads left idle by a burst stay idle
 * and time out. {@link java.util.concurrent.ThreadPoolExecutor} cannot do both: its core threads are started for
 * each submitted task until the core size is reached, and its queue wakes idle threads in turn.
 */
public final class RunThreadPool extends AbstractExecutorService implements StalledRunsWatch.Pool {

    private static final Log log = LogFactory.getLog(RunThreadPool.class);
    /** How often the "all threads busy" warning may repeat. */
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** How often the watch looks at the busy threads while runs wait. */
    static final Duration CHECK_EVERY = Duration.ofMillis(10);
    /** How long no waiting run may be taken (every busy thread spinning) before one more thread is started. */
    static final Duration NO_PROGRESS = Duration.ofMillis(100);

    private final int maxThreads;
    private final int freeThreads;
    private final int cores;
    private final long keepAliveNanos;
    private final long noProgressNanos;
    private final ThreadFactory threads;
    private final Object lock = new Object();
    /** Idle workers, the most recently idle first. */
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    /** Runs waiting for a thread because all {@code maxThreads} are busy. */
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private final Set<Worker> workers = new HashSet<>();
    private boolean shutdown;
    /** Whether a watch thread is looking at the busy threads (while runs wait). */
    private boolean watching;
    private long waitingTaken;
    private long lastWarnNanos = System.nanoTime() - WARN_EVERY_NANOS;

    /** A pool that starts threads freely up to {@code maxThreads}, as one that cannot tell blocked threads does. */
    RunThreadPool(int maxThreads, Duration keepAlive, ThreadFactory threads) {
        this(maxThreads, maxThreads, 1, keepAlive, threads);
    }

    /**
     * @param freeThreads threads started without asking the watch (at least 1)
     * @param cores       how many threads can work at once; fewer working ones mean the others are blocked
     */
    RunThreadPool(int maxThreads, int freeThreads, int cores, Duration keepAlive, ThreadFactory threads) {
        this(maxThreads, freeThreads, cores, keepAlive, NO_PROGRESS, threads);
    }

    /**
     * As above, one more thread being started whenever no waiting run was taken for {@code noProgress} (pages
     * spinning on every thread); a test of the other rules sets it out of their way.
     */
    RunThreadPool(int maxThreads, int freeThreads, int cores, Duration keepAlive, Duration noProgress,
                  ThreadFactory threads) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("streamlit.runner.max-threads must be at least 1, not " + maxThreads);
        }
        this.maxThreads = maxThreads;
        this.freeThreads = Math.max(1, Math.min(freeThreads, maxThreads));
        this.cores = Math.max(1, cores);
        this.keepAliveNanos = keepAlive.toNanos();
        this.noProgressNanos = noProgress.toNanos();
        this.threads = threads;
    }

    /** Threads alive now, busy or idle. */
    public int threadCount() {
        synchronized (lock) {
            return workers.size();
        }
    }

    /** Threads executing a run now. */
    int busyCount() {
        synchronized (lock) {
            return workers.size() - idle.size();
        }
    }

    /** Runs waiting for a thread. */
    int waitingCount() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    int maxThreads() {
        return maxThreads;
    }

    @Override
    public void execute(Runnable task) {
        Worker handTo;
        Worker started = null;
        boolean watch = false;
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("The run thread pool is shut down");
            }
            handTo = idle.pollFirst();
            if (handTo != null) {
                handTo.next = task;
            } else if (workers.size() < freeThreads) {
                started = new Worker(task);
                workers.add(started);
            } else {
                waiting.addLast(task);
                if (workers.size() >= maxThreads) {
                    warnAllBusy();
                } else if (!watching) {
                    watching = watch = true;
                }
            }
        }
        if (handTo != null) {
            LockSupport.unpark(handTo.thread);
        } else if (started != null) {
            start(started, task);
        } else if (watch) {
            startWatch();
        }
    }

    private void startWatch() {
        StalledRunsWatch watch = new StalledRunsWatch(this, cores, CHECK_EVERY.toNanos(), noProgressNanos);
        try {
            Thread thread = threads.newThread(watch);
            thread.setName(thread.getName() + "-watch");
            thread.start();
        } catch (Throwable cannotStart) { // the waiting runs are still taken by the busy threads as they finish
            synchronized (lock) {
                watching = false;
            }
            log.warn("Springlit could not start the run pool's watch thread (" + cannotStart + ")");
        }
    }

    @Override
    public List<StalledRunsWatch.Busy> busyThreadsIfRunsWait() {
        synchronized (lock) {
            if (waiting.isEmpty() || shutdown) {
                watching = false;
                return null;
            }
            Set<Worker> idleNow = Collections.newSetFromMap(new IdentityHashMap<>());
            idleNow.addAll(idle);
            List<StalledRunsWatch.Busy> busy = new ArrayList<>(workers.size());
            for (Worker worker : workers) {
                Thread thread = worker.thread;
                if (thread != null && worker.next == null && !idleNow.contains(worker)) {
                    busy.add(new StalledRunsWatch.Busy(thread, worker.linuxId));
                }
            }
            return busy;
        }
    }

    /**
     * Threads being started, and idle threads handed a run they have not taken yet: both are about to work. A
     * handed thread stays parked until it gets a core, which on a loaded machine takes looks; counted as busy it
     * would look blocked and get a replacement (the 100-tab dashboard burst left 57 run threads).
     */
    @Override
    public int threadsStarting() {
        synchronized (lock) {
            int starting = 0;
            for (Worker worker : workers) {
                if (worker.thread == null || worker.next != null) {
                    starting++;
                }
            }
            return starting;
        }
    }

    @Override
    public long waitingRunsTaken() {
        synchronized (lock) {
            return waitingTaken;
        }
    }

    @Override
    public void startForWaitingRuns(int count) {
        List<Worker> started = new ArrayList<>();
        synchronized (lock) {
            while (started.size() < count && !waiting.isEmpty() && workers.size() < maxThreads && !shutdown) {
                Worker worker = new Worker(waiting.pollFirst());
                waitingTaken++;
                workers.add(worker);
                started.add(worker);
            }
            if (!waiting.isEmpty() && workers.size() >= maxThreads) {
                warnAllBusy();
            }
        }
        startAll(started);
    }

    /**
     * Starts {@code workers}, spread over the threads they start: this thread starts the first, which starts the
     * first half of the others while this one goes on with the second half, and so on, so n threads are started in
     * about log2(n) rounds instead of n. A start waits until the new thread runs, which on a loaded machine takes
     * milliseconds: one thread starting 2,000 took seconds.
     */
    private void startAll(List<Worker> workers) {
        int from = 0;
        while (from < workers.size()) {
            Worker worker = workers.get(from);
            int half = from + 1 + (workers.size() - from - 1) / 2;
            worker.toStart = workers.subList(from + 1, half);
            if (start(worker, worker.first)) {
                from = half;
            } else {
                worker.toStart = null; // this thread starts them instead
                from++;
            }
        }
    }

    /** Starts {@code worker}'s thread; false when it could not be (its task then waits for another thread). */
    private boolean start(Worker worker, Runnable task) {
        try {
            worker.thread = threads.newThread(worker);
            worker.thread.start();
            return true;
        } catch (Throwable cannotStart) { // OutOfMemoryError: unable to create native thread, among others
            boolean othersWillTakeIt;
            synchronized (lock) {
                workers.remove(worker);
                othersWillTakeIt = !workers.isEmpty();
                if (othersWillTakeIt) {
                    waiting.addLast(task);
                }
            }
            log.warn("Springlit could not start a run thread (" + cannotStart + "); "
                    + (othersWillTakeIt ? "the run waits for a busy one" : "the run is refused"));
            if (!othersWillTakeIt) {
                throw new RejectedExecutionException("No run thread could be started", cannotStart);
            }
            return false;
        }
    }

    /** Called with the lock held when a run has to wait for a thread. */
    private void warnAllBusy() {
        long now = System.nanoTime();
        if (now - lastWarnNanos >= WARN_EVERY_NANOS) {
            lastWarnNanos = now;
            log.warn("All " + maxThreads + " Springlit run threads are busy; new runs wait for one to finish "
                    + "(streamlit.runner.max-threads)");
        }
    }

    /** The next task for {@code worker}, waiting up to the keep-alive for one; {@code null}: the thread ends. */
    private Runnable next(Worker worker) {
        Thread.interrupted(); // a stale interrupt aimed at the last run must not end the wait at once
        long deadline;
        synchronized (lock) {
            Runnable queued = waiting.pollFirst();
            if (queued != null) {
                waitingTaken++;
                return queued;
            }
            if (shutdown) {
                workers.remove(worker);
                return null;
            }
            idle.addFirst(worker);
            deadline = System.nanoTime() + keepAliveNanos;
        }
        while (true) {
            synchronized (lock) {
                if (worker.next != null) {
                    Runnable task = worker.next;
                    worker.next = null;
                    return task;
                }
                if (shutdown || System.nanoTime() - deadline >= 0) {
                    idle.remove(worker);
                    workers.remove(worker);
                    return null;
                }
            }
            LockSupport.parkNanos(this, deadline - System.nanoTime());
            Thread.interrupted();
        }
    }

    /** One thread: runs its first task, then whatever comes next, until it has been idle for the keep-alive. */
    private final class Worker implements Runnable {

        /** The task the worker was started for; dropped once taken, like every task after it. */
        private Runnable first;
        /** The task handed to this worker while it was idle (guarded by the pool's lock). */
        private Runnable next;
        /** Workers this one starts before its first task (see {@link #startAll}); set before its thread starts. */
        private List<Worker> toStart;
        /** Null until its thread is being started. */
        private volatile Thread thread;
        /** Its thread's Linux id once it runs ({@link LinuxThreads}); -1 until then or where there is none. */
        private volatile int linuxId = -1;

        Worker(Runnable first) {
            this.first = first;
        }

        @Override
        public void run() {
            linuxId = LinuxThreads.currentId();
            List<Worker> starts = toStart;
            toStart = null;
            if (starts != null) {
                startAll(starts);
            }
            Runnable task = first;
            first = null;
            while (task != null) {
                try {
                    task.run();
                } catch (Throwable escaped) {
                    // a run catches what its page throws; whatever gets here must not cost the thread
                    log.error("A Springlit run task failed", escaped);
                }
                // an idle thread must not keep its last task (a session's drain) reachable while it waits
                task = null;
                task = next(this);
            }
        }
    }

    @Override
    public void shutdown() {
        List<Worker> wake;
        synchronized (lock) {
            shutdown = true;
            wake = new ArrayList<>(idle);
        }
        for (Worker worker : wake) {
            LockSupport.unpark(worker.thread);
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> dropped;
        List<Worker> all;
        synchronized (lock) {
            shutdown = true;
            dropped = new ArrayList<>(waiting);
            waiting.clear();
            all = new ArrayList<>(workers);
        }
        for (Worker worker : all) {
            Thread thread = worker.thread;
            if (thread != null) {
                thread.interrupt();
            }
        }
        return dropped;
    }

    @Override
    public boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    @Override
    public boolean isTerminated() {
        synchronized (lock) {
            return shutdown && workers.isEmpty();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isTerminated()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
