package dev.springlit.runtime.run;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.runtime.control.ErrorReference;
import dev.springlit.runtime.control.RunInterruptedException;
import dev.springlit.runtime.control.StreamHold;
import dev.springlit.runtime.control.Tracebacks;
import dev.springlit.St;
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
 * changed and render the page ({@link RunPageCode}), then finish (reset buttons, forget unkeyed widgets that were
 * not drawn, check serializability) and return a {@link RunResult} for the {@link Runner} to commit: a run never
 * writes its session's committed state. How it is stopped before it completes is {@link RunStops}, and what it
 * then leaves {@link RunEnds}. What it draws streams to the session's page output as it goes. The run is
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
    private final RunStops stops = new RunStops();
    private final StreamHold streamHold = new StreamHold();
    private volatile long startedNanos;
    private volatile Thread thread;
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

    /** The ways this run is stopped before it completes (superseded, Stop, deadline, abandoned). */
    RunStops stops() {
        return stops;
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
        if (stops.mustEnd()) {
            throw new RunInterruptedException();
        }
    }

    /** Whether a newer interaction may interrupt this run now (not while it streams, S11.3). */
    StreamHold streamHold() {
        return streamHold;
    }

    /** Whether the session gave up on this run (see {@link RunStops#abandon}). */
    public boolean isAbandoned() {
        return stops.isAbandoned();
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
                if (!stops.isAbandoned()) {
                    throw abandonedMeanwhile;
                }
                return RunResult.nothing(RunStatus.INTERRUPTED); // given up on while finishing: it may write nothing more
            }
            if (!stops.isAbandoned()) { // an abandoned run was counted when it was given up
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
        stops.enterTask();
        try {
            request.task().accept(state);
        } catch (RuntimeException e) {
            log.warn("A SessionHandle.update task failed; its changes were discarded", e);
            return RunResult.nothing(RunStatus.ERROR);
        } finally {
            stops.leavePageCode();
        }
        return new RunResult(RunStatus.OK, state.finishTask(), Map.of(), List.of(), false, false, null);
    }

    private RunResult executePage() {
        String refusal = services.running().watchdog().refusal(page);
        if (refusal != null) {
            return RunEnds.refused(this, refusal);
        }
        if (request.prelude() != null) {
            request.prelude().accept(state);
        }
        AppliedValues applied = state.applyClientValues(request);
        applied.rejections().forEach(rejected);
        RunStatus status = request.isFirstRun() ? RunStatus.OK : RunPageCode.fireCallbacks(this, applied.changed());
        if (status == RunStatus.OK) {
            status = RunPageCode.renderBody(this);
        }
        if (status == RunStatus.INTERRUPTED) {
            return RunEnds.early(this);
        }
        if (status != RunStatus.RERUN) {
            canvas.markFormsWithoutSubmitButton();
        }
        SessionData committed = state.finishRun(status == RunStatus.RERUN);
        return new RunResult(status, committed, Map.of(), status == RunStatus.RERUN ? List.of() : canvas.trims(), true,
                status == RunStatus.RERUN, status == RunStatus.RERUN ? canvas.switchTarget() : null);
    }

    /** Logs what page code threw, with a reference the tab shows beside the error (and its details if configured). */
    void showFailure(Throwable failure, String where) {
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

    /** A part of the tab's message this run cannot use: the runner tells the tab, never the run itself. */
    void refuse(Rejection rejection) {
        rejected.accept(rejection);
    }
}
