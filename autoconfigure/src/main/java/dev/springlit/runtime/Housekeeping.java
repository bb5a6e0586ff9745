package dev.springlit.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.runtime.run.RunObserver;

/**
 * The engine's background tasks (streaming slow runs' output, ending expired sessions, watching run deadlines) on
 * one daemon thread, each supervised: a {@link java.util.concurrent.ScheduledExecutorService} silently cancels a
 * periodic task for good the first time it throws, so every task here catches whatever it throws, an
 * {@link OutOfMemoryError} included, logs each kind of failure once per task, counts it, and runs again on time.
 * A task whose last execution failed is reported as failing until one succeeds.
 */
final class Housekeeping implements AutoCloseable {

    private static final Log log = LogFactory.getLog(Housekeeping.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread housekeeping = new Thread(runnable, "springlit-housekeeping");
        housekeeping.setDaemon(true);
        return housekeeping;
    });
    private final Supplier<RunObserver> observer;
    private final AtomicLong failures = new AtomicLong();
    /** Tasks whose last execution failed, with the kind of failure. */
    private final Map<String, String> failing = new ConcurrentHashMap<>();
    /** "task: failure class" pairs already logged. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    /** The scheduled tasks by name. */
    private final Map<String, Runnable> tasks = new ConcurrentHashMap<>();

    Housekeeping(Supplier<RunObserver> observer) {
        this.observer = observer;
    }

    /** Runs {@code task} every {@code periodMs}, first after one period, until {@link #close()}. */
    void every(long periodMs, String name, Runnable task) {
        tasks.put(name, task);
        thread.scheduleWithFixedDelay(() -> runSupervised(name, task), periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the scheduled task {@code name} once more, now, on the calling thread and supervised as on its schedule:
     * a sweep out of turn (the runtime's tests drive the session sweep this way rather than waiting for its period).
     */
    void runNow(String name) {
        Runnable task = tasks.get(name);
        if (task == null) {
            throw new IllegalArgumentException("No housekeeping task \"" + name + "\"");
        }
        runSupervised(name, task);
    }

    /** Runs one execution of {@code task}; never throws. Package-private so tests can drive it directly. */
    void runSupervised(String name, Runnable task) {
        try {
            task.run();
            if (!failing.isEmpty()) {
                failing.remove(name);
            }
        } catch (Throwable failure) { // Errors too: the task must run again next time
            try {
                failed(name, failure);
            } catch (Throwable whileReporting) {
                // out of memory even for the report: the next execution tries again
            }
        }
    }

    private void failed(String name, Throwable failure) {
        failures.incrementAndGet();
        String kind = failure.getClass().getName();
        failing.put(name, kind);
        if (logged.add(name + ": " + kind)) {
            log.error("Springlit's background task \"" + name + "\" failed with " + kind + "; it keeps running, and "
                    + "further failures of this kind are counted (springlit.housekeeping.failures) but not logged",
                    failure);
        }
        observer.get().housekeepingFailed(name);
    }

    /** Failures of all tasks since the start. */
    long failureCount() {
        return failures.get();
    }

    /** The tasks whose last execution failed, as "task (failure class)". */
    List<String> failingTasks() {
        List<String> tasks = new ArrayList<>();
        failing.forEach((task, kind) -> tasks.add(task + " (" + kind + ")"));
        tasks.sort(null);
        return tasks;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
