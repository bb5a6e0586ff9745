// Over 300 lines: a run's lifecycle plus its draw bookkeeping (containers, forms, widget ids), which moves to widget/ and output/ with the package re-cut (issue 13).
package dev.springlit.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.StreamlitApiException;
import dev.springlit.element.Alert;
import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.St;
import dev.springlit.runtime.draw.Canvas;
import dev.springlit.runtime.output.PageOutput;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.run.ErrorReference;
import dev.springlit.runtime.run.RerunRequestedException;
import dev.springlit.runtime.run.RunInterruptedException;
import dev.springlit.runtime.run.RunRequest;
import dev.springlit.runtime.run.RunResult;
import dev.springlit.runtime.run.RunServices;
import dev.springlit.runtime.run.SessionData;
import dev.springlit.runtime.run.StopRunException;
import dev.springlit.runtime.run.StreamHold;
import dev.springlit.runtime.run.Tracebacks;
import dev.springlit.runtime.scope.CurrentRun;
import dev.springlit.runtime.scope.ScopedBeans;
import dev.springlit.runtime.scope.ScopedRun;
import dev.springlit.runtime.widget.AppliedValues;
import dev.springlit.runtime.widget.Rejection;
import dev.springlit.runtime.widget.WidgetMeta;
import dev.springlit.runtime.widget.WidgetSpec;

/**
 * One execution of a page for one request: apply the browser's values, fire the callbacks of what
 * changed, render the page, then finish (reset buttons, forget unkeyed widgets that were not drawn,
 * check serializability) and return a {@link RunResult} for the {@link Runner} to commit: a run never writes
 * its session's committed state. What it draws streams to the session's page output as it goes. The run is
 * bound to its thread; {@code St} and {@code SessionState} refuse any other thread.
 */
final class Run implements Canvas, ScopedRun {

    private static final Log log = LogFactory.getLog(Run.class);

    private final Consumer<Rejection> rejected;
    private final Session session;
    private final RunServices services;
    private final RunRequest request;
    private final PageDescriptor page;
    private final int number;
    private final RunState state;
    private final Map<String, WidgetMeta> drawn = new LinkedHashMap<>();
    private final Map<String, String> drawnKeys = new HashMap<>();
    /** The containers this run draws into, by path, with how many children each got. */
    private final Map<ElementPath, Container> containers = new LinkedHashMap<>();
    /** The forms created in this run: key → whether they clear on submit; and those that got a submit button. */
    private final Map<String, Boolean> forms = new LinkedHashMap<>();
    private final Map<String, ElementPath> formPaths = new HashMap<>();
    private final Set<String> formsWithSubmit = new HashSet<>();
    private PageDescriptor switchTarget;
    private final RunFragments fragments;

    /** One container's position counter in this run. */
    private static final class Container {
        final ElementPath path;
        final boolean single;
        int count;

        Container(ElementPath path, boolean single) {
            this.path = path;
            this.single = single;
        }
    }

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
     * @param fragments whether it reruns the page or one fragment (S10.1)
     */
    Run(Session session, RunServices services, RunRequest request, PageDescriptor page, int number, Consumer<Rejection> rejected,
        RunFragments fragments) {
        this.fragments = fragments;
        this.rejected = rejected;
        this.session = session;
        this.services = services;
        this.request = request;
        this.page = page;
        this.number = number;
        this.state = new RunState(this, session.data());
        if (fragments.isFragmentRun()) {
            openContainer(fragments.target().path(), false); // what else it writes to accumulates (see emit)
        } else {
            for (int root = 0; root < PageOutput.ROOTS; root++) {
                openContainer(ElementPath.root(root), false);
            }
        }
    }

    /** Which fragment this run reruns, and the fragments it draws. */
    @Override
    public RunFragments fragments() {
        return fragments;
    }

    /** The run bound to this thread, or {@code null}. */
    static Run current() {
        return CurrentRun.get() instanceof Run run ? run : null;
    }

    Session session() {
        return session;
    }

    RunRequest request() {
        return request;
    }

    @Override
    public RunState state() {
        return state;
    }

    @Override
    public ScopedBeans sessionBeans() {
        return session.resources().beans();
    }

    @Override
    public String sessionId() {
        return session.id();
    }

    @Override
    public PageDescriptor page() {
        return page;
    }

    /** The engine-wide values this run uses. */
    RunServices services() {
        return services;
    }

    @Override
    public boolean inCallback() {
        return inCallback;
    }

    /**
     * Throws unless this run may go on: it must be this thread's run and not replaced. Callbacks are not
     * interrupted: they are short and their writes are committed or discarded together anyway.
     */
    @Override
    public void checkActive() {
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
    @Override
    public StreamHold streamHold() {
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

    /** The session gave up on this run (see Session#abandon); from now on it can write nothing. */
    void markAbandoned() {
        synchronized (this) {
            abandoned = true;
        }
    }

    @Override
    public boolean isInterrupted() {
        return interrupted;
    }

    boolean isOvertime() {
        return overtime;
    }

    boolean isAbandoned() {
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
        session.engine().runStarted(this);
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
            session.engine().runEnded(this);
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
        String refusal = session.engine().watchdog().refusal(page);
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
            markFormsWithoutSubmitButton();
        }
        SessionData committed = state.finishRun(status == RunStatus.RERUN, this);
        return new RunResult(status, committed, Map.of(), status == RunStatus.RERUN ? List.of() : trims(), true,
                status == RunStatus.RERUN, status == RunStatus.RERUN ? switchTarget : null);
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
            return new RunResult(RunStatus.STOPPED, null, drawn, List.of(), true, false, null);
        }
        return overtime ? overtimeEnd() : interruptedEnd();
    }

    /**
     * What an interrupted run leaves: what it drew stays on screen until the next run redraws it, and the widgets
     * it drew stay known; its request is replayed, so the tab is not told it ended.
     */
    private RunResult interruptedEnd() {
        return new RunResult(RunStatus.INTERRUPTED, null, drawn, List.of(), false, false, null);
    }

    /**
     * A run stopped at streamlit.runner.max-run-time: what it drew stays, followed by a message; its state changes
     * are discarded, and unlike a superseded run it is not replayed (it would only run out of time again).
     */
    private RunResult overtimeEnd() {
        try {
            emit(0, new Alert(Alert.Level.ERROR, session.engine().watchdog().overtimeMessage()));
        } catch (RunInterruptedException abandonedMeanwhile) {
            return RunResult.nothing(RunStatus.INTERRUPTED); // abandoned: the session already told the tab
        }
        return new RunResult(RunStatus.ERROR, null, drawn, trims(), true, false, null);
    }

    /** A page with too many stuck runs is not run at all (see RunWatchdog): the tab sees why. */
    private RunResult refusedEnd(String refusal) {
        emit(0, new Alert(Alert.Level.ERROR, refusal));
        return new RunResult(RunStatus.ERROR, null, Map.of(), trims(), true, false, null);
    }

    /** How many children each container drawn in this run keeps: what it showed past them is removed. */
    private List<RunResult.Trim> trims() {
        List<RunResult.Trim> trims = new ArrayList<>(containers.size());
        for (Container container : containers.values()) {
            if (fragments.trims(container.path)) {
                trims.add(new RunResult.Trim(container.path, container.count));
            }
        }
        return trims;
    }

    private void showFailure(Throwable failure, String where) {
        String reference = ErrorReference.next();
        log.error("Springlit " + where + " threw (reference " + reference + ", session " + session.tag() + ")", failure);
        boolean details = services.showErrorDetails();
        emit(0, Tracebacks.element(failure, details, reference));
    }

    /**
     * Adds an element at the next position of root container {@code root}; returns its index. The run's messages
     * for the main body (errors, warnings) may go into a fragment instead (see RunFragments#messagesGoTo).
     */
    int emit(int root, Element element) {
        ElementPath fragment = root == 0 ? fragments.messagesGoTo() : null;
        return emit(fragment != null ? fragment : ElementPath.root(root), element);
    }

    /** Adds an element at the next position of the container at {@code container}; returns its index. */
    @Override
    public int emit(ElementPath container, Element element) {
        fragments.checkPlacement(container, element);
        Container target = containers.get(container);
        if (target == null) {
            if (fragments.trims(container)) {
                target = container(container, false);
            } else { // outside a fragment run's fragment: elements accumulate, an st.empty() is replaced (Streamlit)
                target = container(container, session.output().isPlaceholder(container));
                target.count = session.output().length(container);
            }
        }
        int index = target.single ? 0 : target.count;
        target.count = target.single ? 1 : target.count + 1;
        write(container, index, element);
        return index;
    }

    /** Redraws the element at {@code index} of {@code container} in place (a progress bar that advances). */
    @Override
    public void replace(ElementPath container, int index, Element element) {
        write(container, index, element);
    }

    /** Writes to what the tab shows, unless the session gave up on this run (checked under the run's monitor). */
    private void write(ElementPath container, int index, Element element) {
        synchronized (this) {
            if (abandoned) {
                throw new RunInterruptedException();
            }
            session.output().set(container, index, element);
        }
    }

    /**
     * Starts counting the children of a container drawn in this run, so that what it showed before and no
     * longer shows is removed when the run completes. A {@code single} container (st.empty) holds one element
     * that every draw replaces.
     */
    @Override
    public void openContainer(ElementPath path, boolean single) {
        container(path, single);
    }

    private Container container(ElementPath path, boolean single) {
        Container container = new Container(path, single);
        containers.put(path, container);
        return container;
    }

    /** Records a form drawn in this run (S6.4: its key once per run, never inside another form). */
    @Override
    public void openForm(String key, ElementPath path, boolean clearOnSubmit) {
        if (forms.containsKey(key)) {
            throw new StreamlitApiException("There are multiple identical forms with key='" + key + "'.");
        }
        if (drawnKeys.containsKey(key)) {
            throw new StreamlitApiException("There are multiple elements with the same key='" + key
                    + "'. To fix this, please make sure that the key argument is unique for each element you create.");
        }
        if (state.writtenThisRun(key)) {
            throw new StreamlitApiException("Values for the widget with key \"" + key
                    + "\" cannot be set using SessionState.");
        }
        drawnKeys.put(key, "form");
        forms.put(key, clearOnSubmit);
        formPaths.put(key, path);
    }

    @Override
    public void submitButtonDrawn(String form) {
        formsWithSubmit.add(form);
    }

    /** Whether the form {@code key} clears its widgets after a submit (false for forms not drawn). */
    @Override
    public boolean clearsOnSubmit(String key) {
        return Boolean.TRUE.equals(forms.get(key));
    }

    /** st.switchPage: the page the session shows once this run ends. */
    @Override
    public void switchTo(PageDescriptor target) {
        switchTarget = target;
    }

    PageDescriptor switchTarget() {
        return switchTarget;
    }

    /** S6.4: a form without a submit button can never send its values; say so inside it. */
    private void markFormsWithoutSubmitButton() {
        for (Map.Entry<String, ElementPath> form : formPaths.entrySet()) {
            if (!formsWithSubmit.contains(form.getKey())) {
                emit(form.getValue(), new Alert(Alert.Level.ERROR, "**Missing Submit Button**\n\nThis form has no "
                        + "submit button, which means that user interactions will never be sent to your Springlit "
                        + "app.\n\nTo create a submit button, use the `formSubmitButton()` function.\n\nFor more "
                        + "information, refer to the documentation for forms."));
            }
        }
    }

    /** Shows a warning in the page without interrupting it (st.rerun in a callback, S4.7). */
    @Override
    public void warn(String message) {
        emit(0, new Alert(Alert.Level.WARNING, message));
    }

    // ---- widgets ----------------------------------------------------------------------------------------

    /**
     * Registers a widget drawn in this run: checks its identity is unique, resolves its value (state written
     * by code, then the browser's, then the previous, then the default) and remembers its callback.
     */
    @Override
    public Object registerWidget(WidgetSpec spec, String form) {
        String id = spec.id(page.path(), form);
        if (spec.key() != null) {
            if (drawnKeys.containsKey(spec.key())) {
                throw new StreamlitApiException("There are multiple elements with the same key='" + spec.key()
                        + "'. To fix this, please make sure that the key argument is unique for each element you create.");
            }
        } else if (drawn.containsKey(id)) {
            throw new StreamlitApiException("There are multiple " + spec.kind() + " elements with the same "
                    + "auto-generated ID. When this element is created, it is assigned an internal ID based on the "
                    + "element type and provided parameters. Multiple elements with the same type and parameters will "
                    + "cause this error.\n\nTo fix this error, please pass a unique key argument to the "
                    + spec.kind() + " element.");
        }
        Object value = state.resolveWidgetValue(spec, id);
        WidgetMeta meta = new WidgetMeta(id, spec.key(), spec.kind(), spec.callback(), spec.args(), drawn.size(),
                spec.trigger(), spec.decoder(), form, spec.defaultValue());
        drawn.put(id, meta);
        fragments.widgetDrawn(id);
        if (spec.key() != null) {
            drawnKeys.put(spec.key(), spec.kind().wireName());
        }
        return value;
    }

    /** Whether a widget with {@code key} was already drawn in this run (S4.5). */
    boolean isKeyDrawn(String key) {
        return drawnKeys.containsKey(key);
    }

    Map<String, WidgetMeta> drawn() {
        return drawn;
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
}
