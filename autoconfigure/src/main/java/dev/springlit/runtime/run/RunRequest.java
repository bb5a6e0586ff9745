package dev.springlit.runtime.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.springlit.SessionState;

/**
 * What one run is asked to do: apply widget values from the browser, maybe fire one trigger (a clicked
 * button), or run a background task's state change. Requests that arrive while another one waits are merged
 * (newer values win) but two triggers are never merged, so every click gets its own run.
 */
public final class RunRequest {

    private final Map<String, Object> widgets;
    private final String trigger;
    private final boolean firstRun;
    private final Consumer<SessionState> task;
    private final CompletableFuture<Void> taskDone;
    private final Consumer<SessionState> prelude;
    /** The tab's number of the last interaction this request carries (S9.3), 0 when none. */
    private long seq;
    /** The fragment this request reruns (S10.1), or {@code null} for the whole page. */
    private String fragment;
    /** Whether a fragment's runEvery timer asked for it (S10.2): it never interrupts anything. */
    private boolean auto;

    private RunRequest(Map<String, Object> widgets, String trigger, boolean firstRun,
                       Consumer<SessionState> task, CompletableFuture<Void> taskDone) {
        this(widgets, trigger, firstRun, task, taskDone, null);
    }

    private RunRequest(Map<String, Object> widgets, String trigger, boolean firstRun,
                       Consumer<SessionState> task, CompletableFuture<Void> taskDone, Consumer<SessionState> prelude) {
        this.widgets = widgets;
        this.trigger = trigger;
        this.firstRun = firstRun;
        this.task = task;
        this.taskDone = taskDone;
        this.prelude = prelude;
    }

    /** An interaction: widget values (id → value as the browser sent it) and at most one trigger. */
    public static RunRequest interaction(Map<String, Object> widgets, String trigger) {
        return interaction(widgets, trigger, null);
    }

    /**
     * An interaction whose run first applies {@code prelude} to the state, as code of that run would (the page
     * tester's writes between runs: they count as set through state in that run, like AppTest's).
     */
    public static RunRequest interaction(Map<String, Object> widgets, String trigger, Consumer<SessionState> prelude) {
        return new RunRequest(widgets.isEmpty() ? Map.of() : new LinkedHashMap<>(widgets), trigger, false, null, null,
                prelude);
    }

    /** A plain rerun: no values, no trigger (navigation, {@code st.rerun()}, a background rerun request). */
    public static RunRequest rerun() {
        return new RunRequest(Map.of(), null, false, null, null);
    }

    /** The first run of a page in a session: no callbacks fire (S1.2). */
    public static RunRequest first() {
        return new RunRequest(Map.of(), null, true, null, null);
    }

    /** A state change from outside a run; it runs between runs and draws nothing. */
    public static RunRequest task(Consumer<SessionState> task, CompletableFuture<Void> done) {
        return new RunRequest(Map.of(), null, false, task, done);
    }

    /** A fragment's runEvery timer fired (S10.2): a rerun of that fragment alone. */
    public static RunRequest tick(String fragment) {
        RunRequest tick = rerun().inFragment(fragment);
        tick.auto = true;
        return tick;
    }

    /** This request scoped to {@code fragment} ({@code null}: the whole page), before it is queued. */
    public RunRequest inFragment(String fragment) {
        this.fragment = fragment;
        return this;
    }

    /** The fragment this request reruns, or {@code null} for the whole page. */
    public String fragment() {
        return fragment;
    }

    public boolean isAuto() {
        return auto;
    }

    /** This interaction numbered by its tab (S9.3). */
    public RunRequest numbered(long seq) {
        this.seq = seq;
        return this;
    }

    /** Whether it carries widget values or a click. */
    private boolean isInteraction() {
        return trigger != null || !widgets.isEmpty();
    }

    public long seq() {
        return seq;
    }

    public Map<String, Object> widgets() {
        return Collections.unmodifiableMap(widgets);
    }

    public String trigger() {
        return trigger;
    }

    public boolean isFirstRun() {
        return firstRun;
    }

    public Consumer<SessionState> prelude() {
        return prelude;
    }

    public boolean isTask() {
        return task != null;
    }

    public Consumer<SessionState> task() {
        return task;
    }

    public void taskDone() {
        if (taskDone != null) {
            taskDone.complete(null);
        }
    }

    /** A task that will never run (its session ended) fails its future instead of leaving it pending. */
    public void taskAbandoned(RuntimeException why) {
        if (taskDone != null) {
            taskDone.completeExceptionally(why);
        }
    }

    /**
     * Whether {@code newer} may be folded into this request: never two triggers, never a task, never an interaction
     * into a first run (that fires no callbacks, and an interaction's must fire; a session taken over from the store
     * draws its widgets in its first run before values for them can be read), never requests of two different
     * fragments; a page request and a fragment request merge into a page request, as Streamlit's script_requests
     * coalesce a fragment rerun into a waiting full rerun (the page runs the fragment too).
     */
    boolean canAbsorb(RunRequest newer) {
        return !isTask() && !newer.isTask() && !(firstRun && newer.isInteraction())
                && (trigger == null || newer.trigger == null)
                && (prelude == null || newer.prelude == null)
                && (fragment == null || newer.fragment == null || fragment.equals(newer.fragment));
    }

    /** This request with {@code newer}'s values on top and whichever trigger either has. */
    RunRequest absorb(RunRequest newer) {
        Map<String, Object> merged = new LinkedHashMap<>(widgets);
        merged.putAll(newer.widgets);
        RunRequest absorbed = new RunRequest(merged, trigger != null ? trigger : newer.trigger,
                firstRun && newer.firstRun, null, null, prelude != null ? prelude : newer.prelude)
                .numbered(Math.max(seq, newer.seq))
                .inFragment(fragment != null && fragment.equals(newer.fragment) ? fragment : null);
        absorbed.auto = auto && newer.auto;
        return absorbed;
    }
}
