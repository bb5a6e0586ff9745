package dev.springlit.runtime.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.runtime.output.RunStatus;

/**
 * A run's end goes through its commit (S9.1): the run's state is handed to the session's store, and only once it
 * landed does the {@link Runner} commit it; then the tab is told (or the task that asked for the run), and a page
 * switch the run asked for happens. A failure on the way ends the run as an error, so the session goes on. A store that answers at once (the memory store, or a
 * commit that had to wait on the run thread) ends the run right here; a commit still on its way (Redis) hands the end
 * to its completion, so no run thread waits for the store.
 * <p>
 * Threading: {@link #storeAndEnd} runs on the thread that ran the page; a completion runs on the run executor (see
 * {@link RunSession#commit}). Of the drain that leaves and the completion, whichever comes second goes on working off
 * the session's queue, decided by one compare-and-set per pending commit: one end, one drain.
 */
final class CommitThenEnd {

    private static final Log log = LogFactory.getLog(CommitThenEnd.class);

    private final Runner runner;
    private final RunSession session;
    private final RunTab tab;
    private final RunServices services;

    CommitThenEnd(Runner runner, RunSession session, RunServices services) {
        this.runner = runner;
        this.session = session;
        this.tab = session.tab();
        this.services = services;
    }

    /**
     * Stores {@code run}'s result and ends the run, now or when the store answered; false when this thread is not to
     * go on working off the queue: the session gave up on the run, or the commit's completion goes on.
     */
    boolean storeAndEnd(Run run, RunResult result) {
        CompletableFuture<Boolean> stored = store(run, result);
        if (!stored.isDone() && endsLater(run, result, stored)) {
            return false; // the commit's completion ends the run and works on
        }
        return end(run, result, stored);
    }

    /** Hands {@code run}'s state to the session's store; a failure there is the completion's failure. */
    private CompletableFuture<Boolean> store(Run run, RunResult result) {
        try {
            return session.commit(run, result);
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /**
     * The commit of {@code run} is still on its way, and its tab hears the run ended only once it landed. Rather than
     * keep the run thread waiting, its drain stops and the commit's completion ends the run and works on; the runner's
     * current run and drain stay set meanwhile, so a newer request queues behind the run as behind a running one.
     * False when the commit completed while this was arranged: then the caller goes on itself.
     */
    private boolean endsLater(Run run, RunResult result, CompletableFuture<Boolean> stored) {
        AtomicBoolean otherSideDone = new AtomicBoolean();
        stored.whenComplete((landed, failure) -> {
            if (!otherSideDone.compareAndSet(false, true) && !closed(failure) && end(run, result, stored)) {
                runner.drain();
            }
        });
        return otherSideDone.compareAndSet(false, true);
    }

    /** The run executor refused the commit's completion: the engine is closing, nothing runs any more. */
    private boolean closed(Throwable failure) {
        if (!(failure instanceof CompletionException && failure.getCause() instanceof RejectedExecutionException)) {
            return false;
        }
        runner.closedDuringCommit();
        return true;
    }

    /** The run's end once its commit completed; false when the session went on without it. */
    private boolean end(Run run, RunResult result, CompletableFuture<Boolean> stored) {
        try {
            return finish(run, result, stored.join());
        } catch (CompletionException failed) {
            return survive(run, failed.getCause() instanceof RuntimeException cause ? cause : failed);
        } catch (RuntimeException failure) {
            return survive(run, failure);
        }
    }

    /**
     * Commits {@code run} ({@code stored}: its state reached the session's store, or there is none to reach) and
     * tells its tab; false when the session went on without it (see Runner#abandon).
     */
    private boolean finish(Run run, RunResult result, boolean stored) {
        if (!runner.commit(run, result, stored)) {
            // the session went on without this run (see abandon); another thread drains its queue now
            services.running().watchdog().abandonedRunEnded(run);
            return false;
        }
        if (!run.request().isTask()) {
            tab.show(run.number(), result);
            tab.runScope(null); // what is sent between runs (notices) belongs to no fragment
        }
        if (result.switchTo() != null) {
            session.switchedTo(result.switchTo());
        }
        if (run.request().isTask()) {
            run.request().taskDone();
        }
        return true;
    }

    /**
     * A failure after the page ran (in the commit, a store or a scheduler) must not leave the session waiting for a
     * run that will never end: every later click would queue behind it. The run ends as an error and the queue goes on.
     */
    boolean survive(Run run, RuntimeException failure) {
        log.error("Springlit could not finish a run; the session goes on with its last committed state", failure);
        runner.failed(run);
        try {
            if (!run.request().isTask()) {
                tab.runScope(null);
                tab.show(run.number(), RunResult.nothing(RunStatus.ERROR));
            } else {
                run.request().taskDone();
            }
        } catch (RuntimeException again) {
            log.error("Springlit could not tell the tab that its run failed", again);
        }
        return true;
    }
}
