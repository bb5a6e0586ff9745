package dev.springlit.runtime.run;

import java.util.List;
import java.util.Map;

import dev.springlit.element.ElementPath;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.widget.WidgetMeta;

/**
 * What one run leaves for its session, returned by {@code Run.execute()} and committed by the {@code Runner} (the
 * only writer of a session's committed state): how the run ended, the state to commit, the widgets to remember,
 * how far each container it drew into stays on screen, whether the tab is told the run ended, and what the run
 * asked for next (another run, another page). A run writes nothing of its session's committed state itself.
 *
 * @param status      how the run ended
 * @param committed   the session's new committed state, or {@code null} to keep the current one
 * @param keptWidgets widgets an interrupted or stopped run drew, remembered without its state so that a click on
 *                    one of them is not refused as unknown; empty otherwise
 * @param trims       the containers this run drew into with how many children each keeps (what they showed past
 *                    that is removed); empty when what the tab shows stays as it is
 * @param endsRun     whether the tab is told the run ended (with {@code status}); false while a replaced run's
 *                    request waits to be replayed, and for tasks, which draw nothing
 * @param rerunAfter  whether one more run follows this one (st.rerun)
 * @param switchTo    the page the session shows from now on (st.switchPage), or {@code null}
 */
public record RunResult(RunStatus status, SessionData committed, Map<String, WidgetMeta> keptWidgets, List<Trim> trims,
                 boolean endsRun, boolean rerunAfter, PageDescriptor switchTo) {

    /** One container's children past {@code count} are gone once the run's result is committed. */
    public record Trim(ElementPath container, int count) {
    }

    /** A run the session gave up on, or a task whose change failed: nothing of it is committed or sent. */
    public static RunResult nothing(RunStatus status) {
        return new RunResult(status, null, Map.of(), List.of(), false, false, null);
    }
}
