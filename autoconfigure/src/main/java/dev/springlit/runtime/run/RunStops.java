package dev.springlit.runtime.run;

/**
 * The four ways a run is stopped before it completes, and the thread they wake: superseded by a newer request
 * ({@link #interrupt}: it is replayed), Stop ({@link #cancel}: it ends as stopped), the deadline
 * ({@link #stopForDeadline}: it ends with a message) and abandoned by its session ({@link #abandon}: it may write
 * nothing more). A stopped run throws at its next {@code St} or {@code SessionState} call; a thread interrupt only
 * ever hits page code, because the run's thread is registered only while it runs the body, a callback or a task.
 * <p>
 * Threading: any thread may stop a run; its own thread enters and leaves page code. Both take this object's
 * monitor, and so does a write to what the tab shows, which must not happen once the run is abandoned.
 */
final class RunStops {

    private volatile boolean interrupted;
    /** Set at streamlit.runner.max-run-time: the interruption reaches callbacks too. */
    private volatile boolean overtime;
    /** Set when the run is stopped from outside (a stop button, a tester's timeout): it ends, not replayed. */
    private volatile boolean cancelled;
    /** Set when the session gave up on this run: it may write nothing any more. */
    private volatile boolean abandoned;
    /** Set when the run's page code is over (its result is fixed, its commit may still be on its way). */
    private boolean pageOver;
    /** The run's thread while it is in page code (the body, a callback or a task), else null. */
    private Thread pageThread;
    /** Written and read on the run's own thread; read under the monitor by {@link #interrupt}. */
    private boolean inCallback;

    /** A newer request supersedes the run: it stops at its next St or SessionState call, not inside a callback. */
    synchronized void interrupt() {
        interrupted = true;
        if (pageThread != null && !inCallback) {
            pageThread.interrupt();
        }
    }

    /**
     * The run is past streamlit.runner.max-run-time: it is interrupted like a superseded run, in a callback too,
     * and ends with a message instead of being replayed.
     */
    synchronized void stopForDeadline() {
        overtime = true;
        interruptPageCode();
    }

    /**
     * Stops the run at its next St or SessionState call, in a callback too: it ends as stopped, keeping what it
     * drew and committing none of its state, and is not replayed. False, changing nothing, once its page code is
     * over: what it left stands.
     */
    synchronized boolean cancel() {
        if (pageOver) {
            return false;
        }
        cancelled = true;
        interruptPageCode();
        return true;
    }

    /** The run's page code is over: a Stop finds nothing to stop from now on. */
    synchronized void pageOver() {
        pageOver = true;
    }

    /** The session gave up on the run (see Runner#abandon); from now on it can write nothing. */
    synchronized void abandon() {
        abandoned = true;
    }

    private void interruptPageCode() {
        interrupted = true;
        if (pageThread != null) {
            pageThread.interrupt();
        }
    }

    boolean isInterrupted() {
        return interrupted;
    }

    boolean isOvertime() {
        return overtime;
    }

    boolean isCancelled() {
        return cancelled;
    }

    boolean isAbandoned() {
        return abandoned;
    }

    boolean inCallback() {
        return inCallback;
    }

    /**
     * Whether the run must end at this St or SessionState call. Callbacks are only stopped by Stop and the
     * deadline: they are short and their writes are committed or discarded together anyway.
     */
    boolean mustEnd() {
        return abandoned || (interrupted && (!inCallback || overtime || cancelled));
    }

    /** The run's thread enters the page body; false, entering nothing, when the run was interrupted already. */
    synchronized boolean enterBody() {
        if (interrupted) {
            return false;
        }
        pageThread = Thread.currentThread();
        return true;
    }

    /** The run's thread enters a widget callback. */
    synchronized void enterCallback() {
        inCallback = true;
        pageThread = Thread.currentThread();
    }

    /** The run's thread enters a {@code SessionHandle.update} task. */
    synchronized void enterTask() {
        pageThread = Thread.currentThread();
    }

    /** The run's thread leaves page code; an interrupt aimed at that code must not hit what follows (socket writes). */
    void leavePageCode() {
        synchronized (this) {
            inCallback = false;
            pageThread = null;
        }
        Thread.interrupted();
    }
}
