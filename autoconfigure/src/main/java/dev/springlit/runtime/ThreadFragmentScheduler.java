package dev.springlit.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.runtime.run.FragmentScheduler;

/**
 * The engine's default {@link FragmentScheduler}: one daemon thread that only queues fragment runs (the runs
 * themselves go to the run executor), started with the first timed fragment. A tick that throws is logged and the
 * timer goes on (a {@link ScheduledExecutorService} would cancel it silently).
 */
final class ThreadFragmentScheduler implements FragmentScheduler, AutoCloseable {

    private static final Log log = LogFactory.getLog(ThreadFragmentScheduler.class);

    private ScheduledThreadPoolExecutor thread;
    private boolean closed;

    @Override
    public Timer every(Duration period, Runnable tick) {
        long nanos = period.toNanos();
        var future = executor().scheduleAtFixedRate(() -> {
            try {
                tick.run();
            } catch (Throwable failure) {
                log.error("A fragment's runEvery tick failed; the timer goes on", failure);
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    private synchronized ScheduledExecutorService executor() {
        if (closed) {
            throw new IllegalStateException("The Springlit engine is closed");
        }
        if (thread == null) {
            thread = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread timers = new Thread(runnable, "springlit-fragment-timers");
                timers.setDaemon(true);
                return timers;
            });
            thread.setRemoveOnCancelPolicy(true); // a cancelled timer leaves nothing behind in the queue
        }
        return thread;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
