package dev.springlit.runtime.run;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.springlit.runtime.widget.DrawnElsewhere;
import dev.springlit.runtime.widget.WidgetMeta;

/**
 * What a session's completed runs left: its {@link SessionData}, the fragments they drew (S10.1) with their runEvery
 * timers (S10.2), and whether a run has drawn the page on this node yet (S9.2: a session taken over without a run
 * shows what another node drew). It changes in three ways only: a completed run's result, the widgets an interrupted
 * run drew (without its values), and the widgets a drawing run bound here.
 * <p>
 * Threading: changed only under its {@link Runner}'s monitor (at the runner's commit point); {@link #data()} may be
 * read from any thread (it is replaced, never changed).
 */
final class CommittedState {

    private volatile SessionData data = SessionData.empty();
    private Fragments fragments = Fragments.NONE;
    private final FragmentTimers timers;
    /** Taken over without a run (S9.2): no run has drawn the page on this node yet (see DrawnElsewhere). */
    private boolean drawnElsewhere;

    /** @param tick what a fragment's runEvery timer does: asks for a run of the fragment it names */
    CommittedState(FragmentScheduler scheduler, Consumer<String> tick) {
        this.timers = new FragmentTimers(scheduler, tick);
    }

    SessionData data() {
        return data;
    }

    Fragments fragments() {
        return fragments;
    }

    /** Starts from state committed elsewhere (a session taken over from the store), before any run. */
    void restore(SessionData restored) {
        data = restored;
    }

    /** The tab shows what another node drew, and nothing has run here. */
    void drawnElsewhere() {
        drawnElsewhere = true;
    }

    /** Whether {@code next} needs the page drawn on this node first (see {@link DrawnElsewhere#mustBeDrawnFirst}). */
    boolean mustBeDrawnFirst(RunRequest next) {
        return drawnElsewhere && !next.isTask()
                && DrawnElsewhere.mustBeDrawnFirst(data.widgets(), next.widgets(), next.trigger());
    }

    /** {@code run} completed or was interrupted, and its state reached the session's store (or there is none). */
    void take(Run run, RunResult result) {
        if (result.committed() != null) {
            data = result.committed();
            if (!run.request().isTask()) {
                drawnElsewhere = false;
                follow(run);
            }
        } else if (!result.keptWidgets().isEmpty()) {
            data = withWidgets(result.keptWidgets()); // interrupted: only the widgets it drew, none of its values
        }
    }

    /**
     * The drawing run (S9.2) drew the page here: the values stay as committed, the widgets it drew (their decoders
     * and callbacks) are added, and from now on the page counts as drawn on this node.
     */
    void takeDrawn(Run run, RunResult result) {
        drawnElsewhere = false;
        data = withWidgets(result.committed() != null ? result.committed().widgets() : result.keptWidgets());
        follow(run);
    }

    /** The session ended: no timer ticks any more. */
    void stop() {
        timers.stop();
    }

    private void follow(Run run) {
        fragments = fragments.after(run.fragments(), run.page().path());
        timers.follow(fragments);
    }

    /** The committed state plus {@code drawn} widgets, without any of their values. */
    private SessionData withWidgets(Map<String, WidgetMeta> drawn) {
        Map<String, WidgetMeta> widgets = new HashMap<>(data.widgets());
        widgets.putAll(drawn);
        return new SessionData(data.values(), data.unkeyed(), widgets, data.bytes());
    }
}
