// Over 300 lines: one run's lifecycle (values, callbacks, body, the ways it ends) and the four ways it is stopped (superseded, Stop, deadline, abandoned), which share its monitor and its thread; what it draws is RunCanvas.
package dev.springlit.runtime.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.runtime.control.ErrorReference;
import dev.springlit.runtime.control.RerunRequestedException;
import dev.springlit.runtime.control.RunInterruptedException;
import dev.springlit.runtime.control.StopRunException;
import dev.springlit.runtime.control.StreamHold;
import dev.springlit.runtime.control.Tracebacks;
import dev.springlit.St;
import dev.springlit.element.Alert;
import dev.springlit.element.Element;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.draw.Canvas;
import dev.springlit.runtime.scope.CurrentRun;
import dev.springlit.runtime.scope.ScopedBeans;
import dev.springlit.runtime.scope.ScopedRun;
import dev.springlit.runtime.widget.AppliedValues;
import dev.springlit.runtime.widget.Rejection;
import dev.springlit.runtime.widget.WidgetMeta;

/**
 * One execution of a page for one request: apply the browser's values, fire the callbacks of what
 * changed, render the page, then finish (reset buttons, forget unkeyed widgets that were not drawn,
 * check serializability) and return a {@link RunResult} for the {@link Runner} to commit: a run never writes
 * its session's committed state. What it draws streams to the session's page output as it goes. The run is
 * bound to its thread; {@code St} and {@code SessionState} refuse any other thread. It sees its session only as a
 * {@link RunSession}; the session side reaches a run only through the few public members here.
 */
public final class Run implements ScopedRun {

    private static final Log log = LogFactory.getLog(Run.class);

    private final Consumer<Rejection> rejected;
    private final Runner runner;
    private final RunSession session;
    private final RunServices services;
    private final RunRequest request;
    private final PageDescriptor page;
    private final int number;
    private final RunState state;
    private final RunFragments fragments;
    private final RunCanvas canvas;
    private volatile boolean interrupted;
    private final StreamHold streamHold = new StreamHold();
    /** Set by the watchdog at streamlit.runner.max-run-time: the interruption reaches callbacks too. */
    private volatile boolean overtime;
    /** Set when the run is stopped from outside (a stop button, a tester's timeout): it ends, not replayed. */
    private volatile boolean cancelled;
    /** Set (under this run's monitor) when the session gave up on this run: it may write nothing any more. */
    private volatile boolean abandoned;
    private volatile long startedNanos;
    private volatile Thread thread;
    /** The thread while it is in page code (the body or a callback), so that an interrupt only ever hits page code. */
    private Thread bodyThread;
    private boolean inCallback;
    private boolean finished;

    /**
     * @param rejected where the parts of the tab's message this run cannot use go (the runner tells the tab); they
     *                 are handed over as soon as the values are applied, before the page runs
     * @param committed the state the session committed last, which this run starts from
     * @param fragments whether it reruns the page or one fragment (S10.1)
     */
    Run(Runner runner, RunSession session, RunServices services, RunRequest request, PageDescriptor page, int number,
        SessionData committed, Consumer<Rejection> rejected, RunFragments fragments) {
        this.runner = runner;
        this.fragments = fragments;
        this.rejected = rejected;
        this.session = session;
        this.services = services;
        this.request = request;
        this.page = page;
        this.number = number;
        this.state = new RunState(this, committed);
        this.canvas = new RunCanvas(this, fragments);
    }

    /** Which fragment this run reruns, and the fragments it draws. */
    RunFragments fragments() {
        return fragments;
    }

    /** What this run draws, as its drawers see it. */
    RunCanvas canvas() {
        return canvas;
    }

    /** The run bound to this thread, or {@code null}. */
    static Run current() {
        return CurrentRun.get() instanceof Run run ? run : null;
    }

    /** What the run of {@code session} bound to this thread draws on, or {@code null} when none is. */
    public static Canvas canvasOf(RunSession session) {
        Run run = current();
        return run != null && run.session == session ? run.canvas : null;
    }

    /**
     * Throws unless a run of {@code session} is bound to this thread and may go on ({@code otherwise} says what may
     * only be used during one).
     */
    public static void checkActiveIn(RunSession session, String otherwise) {
        Run run = current();
        if (run == null || run.session != session) {
            throw new IllegalStateException(otherwise);
        }
        run.checkActive();
    }

    RunSession session() {
        return session;
    }

    /** The runner that started this run and commits it. */
    Runner runner() {
        return runner;
    }

    public RunRequest request() {
        return request;
    }

    @Override
    public RunState state() {
        return state;
    }

    @Override
    public ScopedBeans sessionBeans() {
        return session.beans();
    }

    @Override
    public String sessionId() {
        return session.id();
    }

    PageDescriptor page() {
        return page;
    }

    /** The engine-wide values this run uses. */
    RunServices services() {
        return services;
    }

    boolean inCallback() {
        return inCallback;
    }

    /**
     * Throws unless this run may go on: it must be this thread's run and not replaced. Callbacks are not
     * interrupted: they are short and their writes are committed or discarded together anyway.
     */
    void checkActive() {
        if (CurrentRun.get() != this || finished) {
            throw new IllegalStateException("Springlit's St and SessionState can only be used during a page run, "
                    + "on the run's thread (or in a widget callback). To change a session from another thread, use "
                    + "the SessionHandle from st.session().");
        }
        if (abandoned || (interrupted && (!inCallback || overtime || cancelled))) {
            throw new RunInterruptedException();
        }
    }

    /** Whether a newer interaction may interrupt this run now (not while it streams, S11.3). */
    StreamHold streamHold() {
        return streamHold;
    }

    /** Asks the run to stop at its next St or SessionState call; wakes it if it is blocked in the page body. */
    void interrupt() {
        synchronized (this) {
            interrupted = true;
            if (bodyThread != null && !inCallback) {
                bodyThread.interrupt();
            }
        }
    }

    /**
     * The run is past streamlit.runner.max-run-time: it is interrupted like a superseded run, in a callback too,
     * and ends with a message instead of being replayed.
     */
    void stopForDeadline() {
        synchronized (this) {
            overtime = true;
            interrupted = true;
            if (bodyThread != null) {
                bodyThread.interrupt();
            }
        }
    }

    /**
     * Stops the run at its next St or SessionState call, in a callback too: it ends as stopped, keeping what it
     * drew and committing none of its state, and is not replayed.
     */
    void cancel() {
        synchronized (this) {
            cancelled = true;
            interrupted = true;
            if (bodyThread != null) {
                bodyThread.interrupt();
            }
        }
    }

    /** The session gave up on this run (see Runner#abandon); from now on it can write nothing. */
    void markAbandoned() {
        synchronized (this) {
            abandoned = true;
        }
    }

    boolean isInterrupted() {
        return interrupted;
    }

    boolean isOvertime() {
        return overtime;
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    /** When the run started executing (System.nanoTime). */
    long startedNanos() {
        return startedNanos;
    }

    /** The thread executing the run, or {@code null} before it starts. */
    Thread thread() {
        return thread;
    }

    /** Runs the request and returns what it leaves for the session. Never throws for what the page does. */
    RunResult execute() {
        long started = System.nanoTime();
        startedNanos = started;
        thread = Thread.currentThread();
        AutoCloseable binding;
        try {
            binding = services.access().bind(session.user());
        } catch (Exception e) {
            log.error("Binding the security context of session " + session.tag() + " failed", e);
            return RunResult.nothing(RunStatus.ERROR);
        }
        CurrentRun.bind(this);
        services.running().started(this);
        try {
            if (request.isTask()) {
                return executeTask();
            }
            RunResult result;
            try {
                result = executePage();
            } catch (RunInterruptedException abandonedMeanwhile) {
                if (!abandoned) {
                    throw abandonedMeanwhile;
                }
                return RunResult.nothing(RunStatus.INTERRUPTED); // given up on while finishing: it may write nothing more
            }
            if (!abandoned) { // an abandoned run was counted when it was given up
                services.observer().runEnded(result.status(), System.nanoTime() - started);
            }
            return result;
        } finally {
            finished = true;
            CurrentRun.unbind();
            try {
                binding.close();
            } catch (Exception e) {
                log.warn("Unbinding the security context of session " + session.tag() + " failed", e);
            }
            services.running().ended(this);
        }
    }

    private RunResult executeTask() {
        synchronized (this) {
            bodyThread = Thread.currentThread();
        }
        try {
            request.task().accept(state);
        } catch (RuntimeException e) {
            log.warn("A SessionHandle.update task failed; its changes were discarded", e);
            return RunResult.nothing(RunStatus.ERROR);
        } finally {
            synchronized (this) {
                bodyThread = null;
            }
            Thread.interrupted();
        }
        return new RunResult(RunStatus.OK, state.finishTask(), Map.of(), List.of(), false, false, null);
    }

    private RunResult executePage() {
        St st = session.st();
        RunStatus status = RunStatus.OK;
        String refusal = services.running().watchdog().refusal(page);
        if (refusal != null) {
            return refusedEnd(refusal);
        }
        if (request.prelude() != null) {
            request.prelude().accept(state);
        }
        AppliedValues applied = state.applyClientValues(request);
        applied.rejections().forEach(rejected);
        List<WidgetMeta> changed = applied.changed();
        boolean skipBody = false;
        if (!request.isFirstRun()) {
            for (WidgetMeta widget : changed) {
                if (widget.callback() == null) {
                    continue;
                }
                synchronized (this) {
                    inCallback = true;
                    bodyThread = Thread.currentThread();
                }
                try {
                    services.interceptors().around(page, session.tag(), true,
                            () -> widget.callback().call(widget.args()));
                } catch (StopRunException stop) {
                    skipBody = true;
                    status = RunStatus.STOPPED;
                    break;
                } catch (RunInterruptedException | RerunRequestedException control) {
                    // neither happens inside a callback unless the deadline passed; else treat like a replaced page
                    return endedEarly();
                } catch (Throwable failure) {
                    if (overtime || cancelled) {
                        return endedEarly();
                    }
                    showFailure(failure, "callback of " + widget.kind() + " " + widget.id());
                    skipBody = true;
                    status = RunStatus.ERROR;
                    break;
                } finally {
                    synchronized (this) {
                        inCallback = false;
                        bodyThread = null;
                    }
                    Thread.interrupted(); // a deadline interrupt aimed at the callback must not hit what follows
                }
            }
        }
        if (!skipBody) {
            status = renderBody(st);
        }
        if (status == RunStatus.INTERRUPTED) {
            return endedEarly();
        }
        if (status != RunStatus.RERUN) {
            canvas.markFormsWithoutSubmitButton();
        }
        SessionData committed = state.finishRun(status == RunStatus.RERUN);
        return new RunResult(status, committed, Map.of(), status == RunStatus.RERUN ? List.of() : canvas.trims(), true,
                status == RunStatus.RERUN, status == RunStatus.RERUN ? canvas.switchTarget() : null);
    }

    private RunStatus renderBody(St st) {
        synchronized (this) {
            if (interrupted) {
                return RunStatus.INTERRUPTED;
            }
            bodyThread = Thread.currentThread();
        }
        try {
            services.interceptors().around(page, session.tag(), false, () -> fragments.render(page, st));
            return interrupted ? RunStatus.INTERRUPTED : RunStatus.OK; // the page may have swallowed the interruption
        } catch (StopRunException stop) {
            return RunStatus.STOPPED;
        } catch (RerunRequestedException rerun) {
            return RunStatus.RERUN;
        } catch (RunInterruptedException interruption) {
            return RunStatus.INTERRUPTED;
        } catch (Throwable failure) {
            if (interrupted) {
                return RunStatus.INTERRUPTED;
            }
            showFailure(failure, "page " + page.path());
            return RunStatus.ERROR;
        } finally {
            synchronized (this) {
                bodyThread = null;
            }
            Thread.interrupted(); // an interrupt aimed at the page must not hit the socket writes that follow
        }
    }

    /** How a run that did not complete ends: stopped from outside, out of time, or replaced by a newer request. */
    private RunResult endedEarly() {
        if (cancelled) {
            return new RunResult(RunStatus.STOPPED, null, drawn(), List.of(), true, false, null);
        }
        return overtime ? overtimeEnd() : interruptedEnd();
    }

    /**
     * What an interrupted run leaves: what it drew stays on screen until the next run redraws it, and the widgets
     * it drew stay known; its request is replayed, so the tab is not told it ended.
     */
    private RunResult interruptedEnd() {
        return new RunResult(RunStatus.INTERRUPTED, null, drawn(), List.of(), false, false, null);
    }

    /**
     * A run stopped at streamlit.runner.max-run-time: what it drew stays, followed by a message; its state changes
     * are discarded, and unlike a superseded run it is not replayed (it would only run out of time again).
     */
    private RunResult overtimeEnd() {
        try {
            emit(0, new Alert(Alert.Level.ERROR, services.running().watchdog().overtimeMessage()));
        } catch (RunInterruptedException abandonedMeanwhile) {
            return RunResult.nothing(RunStatus.INTERRUPTED); // abandoned: the session already told the tab
        }
        return new RunResult(RunStatus.ERROR, null, drawn(), canvas.trims(), true, false, null);
    }

    /** A page with too many stuck runs is not run at all (see RunWatchdog): the tab sees why. */
    private RunResult refusedEnd(String refusal) {
        emit(0, new Alert(Alert.Level.ERROR, refusal));
        return new RunResult(RunStatus.ERROR, null, Map.of(), canvas.trims(), true, false, null);
    }

    private void showFailure(Throwable failure, String where) {
        String reference = ErrorReference.next();
        log.error("Springlit " + where + " threw (reference " + reference + ", session " + session.tag() + ")", failure);
        boolean details = services.showErrorDetails();
        emit(0, Tracebacks.element(failure, details, reference));
    }

    /** Adds an element to root container {@code root} (or to the fragment the run's messages go to). */
    int emit(int root, Element element) {
        return canvas.emit(root, element);
    }

    /** Shows a warning in the page without interrupting it (st.rerun in a callback, S4.7). */
    void warn(String message) {
        canvas.warn(message);
    }

    /** Whether a widget with {@code key} was already drawn in this run (S4.5). */
    boolean isKeyDrawn(String key) {
        return canvas.isKeyDrawn(key);
    }

    Map<String, WidgetMeta> drawn() {
        return canvas.drawn();
    }

    int number() {
        return number;
    }

    /** Callbacks fire in the order the widgets were drawn in the run that drew them. */
    static List<WidgetMeta> inPageOrder(List<WidgetMeta> widgets) {
        List<WidgetMeta> sorted = new ArrayList<>(widgets);
        sorted.sort(Comparator.comparingInt(WidgetMeta::order));
        return sorted;
    }

    /** A part of the tab's message this run cannot use: the runner tells the tab, never the run itself. */
    void refuse(Rejection rejection) {
        rejected.accept(rejection);
    }
}
