package dev.springlit.runtime.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs executing now in one engine, abandoned ones included while their thread is stuck: what the deadline
 * watchdog looks at and what the flush thread streams. Runs add and remove themselves; the engine's housekeeping
 * only reads.
 * <p>
 * Threading: run threads add and remove; the housekeeping thread ({@link #checkDeadlines}) and the flush thread
 * ({@link #flush}) iterate a concurrent set, so they may see a run that just ended (each call copes with that).
 */
public final class RunningRuns {

    private final Set<Run> running = ConcurrentHashMap.newKeySet();
    private final RunWatchdog watchdog;

    RunningRuns(RunWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    void started(Run run) {
        running.add(run);
    }

    void ended(Run run) {
        running.remove(run);
    }

    /** What enforces {@code streamlit.runner.max-run-time}. */
    RunWatchdog watchdog() {
        return watchdog;
    }

    public boolean isEmpty() {
        return running.isEmpty();
    }

    public int size() {
        return running.size();
    }

    /** How often {@link #checkDeadlines} should be called. */
    public long deadlinePeriodMs() {
        return watchdog.periodMs();
    }

    /** One look at the runs in progress: interrupts those past the deadline, abandons those past the grace too. */
    public void checkDeadlines() {
        watchdog.check(running);
    }

    /**
     * Streams what slow runs drew so far, with the redraws they put off until now (a stream's held-back text). One
     * session's failure must not keep the others' output back, so each is tried; the first failure is rethrown
     * afterwards for the supervisor to count and log.
     */
    public void flush() {
        Throwable first = null;
        long now = System.nanoTime();
        for (Run run : running) {
            if (run.request().isTask() || run.isAbandoned()) {
                continue;
            }
            try {
                run.canvas().writeHeldIfDue(now);
                run.session().tab().flushIfFree(run.number());
            } catch (Throwable failure) {
                first = first == null ? failure : first;
            }
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
    }

    /** Abandoned runs whose thread has not ended yet. */
    public int stuckRuns() {
        return watchdog.stuckRuns();
    }

    public long overtimeRuns() {
        return watchdog.overtimeRuns();
    }

    public long abandonedRuns() {
        return watchdog.abandonedRuns();
    }

    /** The pages refused now because of their stuck runs. */
    public Set<String> refusedPages() {
        return watchdog.refusedPages();
    }
}
