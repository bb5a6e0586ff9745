package dev.springlit.runtime.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.springlit.runtime.control.RerunRequestedException;
import dev.springlit.runtime.control.RunInterruptedException;
import dev.springlit.runtime.control.StopRunException;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.widget.WidgetMeta;

/**
 * The application code a run executes, on the run's thread: first the callbacks of the widgets whose values changed
 * (S3), in the order the widgets were drawn in the run that drew them, then the page body. Each goes between the
 * application's interceptors and is what the run's stops reach (see {@link RunStops}). A callback that fails shows
 * its error and the body is skipped, as in Streamlit.
 */
final class RunPageCode {

    private RunPageCode() {
    }

    /** Callbacks fire in the order the widgets were drawn in the run that drew them. */
    static List<WidgetMeta> inPageOrder(List<WidgetMeta> widgets) {
        List<WidgetMeta> sorted = new ArrayList<>(widgets);
        sorted.sort(Comparator.comparingInt(WidgetMeta::order));
        return sorted;
    }

    /**
     * Fires the callbacks of {@code changed} (in page order already). Returns OK when the body runs next, STOPPED
     * ({@code st.stop()} in a callback) or ERROR when it is skipped, INTERRUPTED when the run ends early.
     */
    static RunStatus fireCallbacks(Run run, List<WidgetMeta> changed) {
        RunStops stops = run.stops();
        for (WidgetMeta widget : changed) {
            if (widget.callback() == null) {
                continue;
            }
            stops.enterCallback();
            try {
                run.services().interceptors().around(run.page(), run.session().tag(), true,
                        () -> widget.callback().call(widget.args()));
            } catch (StopRunException stop) {
                return RunStatus.STOPPED;
            } catch (RunInterruptedException | RerunRequestedException control) {
                // neither happens inside a callback unless the deadline passed; else treat like a replaced page
                return RunStatus.INTERRUPTED;
            } catch (Throwable failure) {
                if (stops.isOvertime() || stops.isCancelled()) {
                    return RunStatus.INTERRUPTED;
                }
                run.showFailure(failure, "callback of " + widget.kind() + " " + widget.id());
                return RunStatus.ERROR;
            } finally {
                stops.leavePageCode(); // a deadline interrupt aimed at the callback must not hit what follows
            }
        }
        return RunStatus.OK;
    }

    /**
     * Renders the page body (or the fragment the run reruns); returns how it ended: OK, STOPPED ({@code st.stop()}),
     * RERUN ({@code st.rerun()} or a page switch), INTERRUPTED (any of the run's stops) or ERROR (shown in the page).
     */
    static RunStatus renderBody(Run run) {
        RunStops stops = run.stops();
        if (!stops.enterBody()) {
            return RunStatus.INTERRUPTED;
        }
        try {
            run.services().interceptors().around(run.page(), run.session().tag(), false,
                    () -> run.fragments().render(run.page(), run.session().st()));
            return stops.isInterrupted() ? RunStatus.INTERRUPTED : RunStatus.OK; // the page may have swallowed it
        } catch (StopRunException stop) {
            return RunStatus.STOPPED;
        } catch (RerunRequestedException rerun) {
            return RunStatus.RERUN;
        } catch (RunInterruptedException interruption) {
            return RunStatus.INTERRUPTED;
        } catch (Throwable failure) {
            if (stops.isInterrupted()) {
                return RunStatus.INTERRUPTED;
            }
            run.showFailure(failure, "page " + run.page().path());
            return RunStatus.ERROR;
        } finally {
            stops.leavePageCode(); // an interrupt aimed at the page must not hit the socket writes that follow
        }
    }
}
