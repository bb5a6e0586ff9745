package dev.springlit.runtime.run;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.element.Alert;
import dev.springlit.runtime.page.PageDescriptor;

/**
 * Enforces {@code streamlit.runner.max-run-time}. Java cannot kill a thread, so a run past its deadline is
 * interrupted (it ends at its next {@code St} or {@code SessionState} call, or when a blocking call it is in
 * reacts to the interrupt); if it has not ended after the grace, it is abandoned: its session goes on without it
 * (see {@link Runner#abandon}) and its thread is left to end on its own. A page with too many abandoned runs
 * still holding their thread is refused until some of them end, so one broken page cannot take every thread.
 */
final class RunWatchdog {

    private static final Log log = LogFactory.getLog(RunWatchdog.class);

    private final RunLimits limits;
    private final Supplier<RunObserver> observer;
    /** Abandoned runs whose thread has not ended yet, by page path. */
    private final Map<String, AtomicInteger> stuckByPage = new ConcurrentHashMap<>();
    private final AtomicLong overtime = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();

    RunWatchdog(RunLimits limits, Supplier<RunObserver> observer) {
        this.limits = limits;
        this.observer = observer;
    }

    /** How often to look: often enough that a deadline or grace is overrun by at most a quarter of itself. */
    long periodMs() {
        if (!limits.hasDeadline()) {
            return 1_000;
        }
        long shortest = Math.min(limits.maxRunTime().toMillis(), Math.max(1, limits.interruptGrace().toMillis()));
        return Math.max(20, Math.min(1_000, shortest / 4));
    }

    /** One look at the runs in progress: interrupts those past the deadline, abandons those past the grace too. */
    void check(Collection<Run> running) {
        if (!limits.hasDeadline()) {
            return;
        }
        long now = System.nanoTime();
        long deadline = limits.maxRunTime().toNanos();
        long grace = Math.max(0, limits.interruptGrace().toNanos());
        for (Run run : running) {
            long over = now - run.startedNanos() - deadline;
            if (over < 0 || run.isAbandoned()) {
                continue;
            }
            if (!run.stops().isOvertime()) {
                overtime.incrementAndGet(); // counted first: whoever sees the run end must see it counted
                run.stops().stopForDeadline();
                observer.get().runOvertime(run.page().path());
                log.warn("A run of page " + run.page().path() + " took longer than " + describe(limits.maxRunTime())
                        + " (streamlit.runner.max-run-time) and was interrupted");
            } else if (over >= grace) {
                // counted before the session lets go of the run, so that its thread coming back never counts below 0
                AtomicInteger stuck = stuckByPage.computeIfAbsent(run.page().path(), path -> new AtomicInteger());
                stuck.incrementAndGet();
                if (!run.runner().abandon(run, abandonedNotice())) {
                    stuck.decrementAndGet(); // it ended meanwhile
                    continue;
                }
                observer.get().runAbandoned(run.page().path());
                abandoned.incrementAndGet();
                run.runner().kick(); // only now, so that whoever sees the session go on sees the counts too
                log.error("A run of page " + run.page().path() + " did not end within " + describe(limits.interruptGrace())
                        + " of being interrupted and was abandoned; its thread is left to end on its own. It is at:"
                        + where(run.thread()));
            }
        }
    }

    /** The abandoned {@code run}'s thread finally came back: it no longer counts against its page. */
    void abandonedRunEnded(Run run) {
        AtomicInteger stuck = stuckByPage.get(run.page().path());
        if (stuck != null) {
            stuck.decrementAndGet();
        }
        log.info("An abandoned run of page " + run.page().path() + " ended after "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startedNanos()) + " ms");
    }

    /** Why {@code page} may not run now, or {@code null} when it may. */
    String refusal(PageDescriptor page) {
        AtomicInteger stuck = stuckByPage.get(page.path());
        int max = Math.max(1, limits.maxAbandonedRunsPerPage());
        if (stuck == null || stuck.get() < max) {
            return null;
        }
        return "**This page is unavailable for now.** " + stuck.get() + " of its runs are stuck: they ran longer than "
                + describe(limits.maxRunTime()) + " (`streamlit.runner.max-run-time`) and did not stop when "
                + "interrupted, which is the most `streamlit.runner.max-abandoned-runs-per-page` allows. It runs again "
                + "as soon as one of them ends.";
    }

    /** What a tab is told when its run is abandoned. */
    private Alert abandonedNotice() {
        return new Alert(Alert.Level.ERROR, "**This run was abandoned.** It ran longer than "
                + describe(limits.maxRunTime()) + " (`streamlit.runner.max-run-time`) and did not stop within "
                + describe(limits.interruptGrace()) + " of being interrupted. Its changes were discarded; your next "
                + "interaction starts a new run.");
    }

    /** What a tab is told when its run was stopped at the deadline. */
    String overtimeMessage() {
        return "**This run took too long and was stopped.** It ran longer than " + describe(limits.maxRunTime())
                + " (`streamlit.runner.max-run-time`); its changes were discarded.";
    }

    int stuckRuns() {
        int sum = 0;
        for (AtomicInteger stuck : stuckByPage.values()) {
            sum += stuck.get();
        }
        return sum;
    }

    long overtimeRuns() {
        return overtime.get();
    }

    long abandonedRuns() {
        return abandoned.get();
    }

    /** The pages refused now because of their stuck runs. */
    Set<String> refusedPages() {
        Set<String> refused = new TreeSet<>();
        int max = Math.max(1, limits.maxAbandonedRunsPerPage());
        stuckByPage.forEach((path, stuck) -> {
            if (stuck.get() >= max) {
                refused.add(path);
            }
        });
        return refused;
    }

    /** "5 min", "1 s", "500 ms": how a limit reads in a message. */
    static String describe(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + " min";
        }
        if (ms % 1_000 == 0) {
            return ms / 1_000 + " s";
        }
        return ms + " ms";
    }

    private static String where(Thread thread) {
        StringBuilder frames = new StringBuilder();
        if (thread == null) {
            return " (unknown)";
        }
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 12); i++) {
            frames.append("\n\tat ").append(stack[i]);
        }
        return frames.toString();
    }
}
