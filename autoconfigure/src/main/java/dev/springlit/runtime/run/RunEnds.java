package dev.springlit.runtime.run;

import java.util.List;
import java.util.Map;

import dev.springlit.element.Alert;
import dev.springlit.runtime.control.RunInterruptedException;
import dev.springlit.runtime.output.RunStatus;

/**
 * What a run that does not complete leaves for its runner, by the way it was stopped (see {@link RunStops}): Stop
 * ends it as stopped, the deadline with a message, a newer request replays it; and a run refused before it starts
 * (too many stuck runs of its page). What it drew stays on screen; none of them commits state.
 */
final class RunEnds {

    private RunEnds() {
    }

    /** How a run that did not complete ends: stopped from outside, out of time, or replaced by a newer request. */
    static RunResult early(Run run) {
        if (run.stops().isCancelled()) {
            return new RunResult(RunStatus.STOPPED, null, run.drawn(), List.of(), true, false, null);
        }
        return run.stops().isOvertime() ? overtime(run) : interrupted(run);
    }

    /**
     * What an interrupted run leaves: what it drew stays on screen until the next run redraws it, and the widgets
     * it drew stay known; its request is replayed, so the tab is not told it ended.
     */
    private static RunResult interrupted(Run run) {
        return new RunResult(RunStatus.INTERRUPTED, null, run.drawn(), List.of(), false, false, null);
    }

    /**
     * A run stopped at streamlit.runner.max-run-time: what it drew stays, followed by a message; its state changes
     * are discarded, and unlike a superseded run it is not replayed (it would only run out of time again).
     */
    private static RunResult overtime(Run run) {
        try {
            run.emit(0, new Alert(Alert.Level.ERROR, run.services().running().watchdog().overtimeMessage()));
        } catch (RunInterruptedException abandonedMeanwhile) {
            return RunResult.nothing(RunStatus.INTERRUPTED); // abandoned: the session already told the tab
        }
        return new RunResult(RunStatus.ERROR, null, run.drawn(), run.canvas().trims(), true, false, null);
    }

    /** A page with too many stuck runs is not run at all (see RunWatchdog): the tab sees why. */
    static RunResult refused(Run run, String refusal) {
        run.emit(0, new Alert(Alert.Level.ERROR, refusal));
        return new RunResult(RunStatus.ERROR, null, Map.of(), run.canvas().trims(), true, false, null);
    }
}
