package dev.springlit.runtime.run;

import java.util.concurrent.Executor;

import dev.springlit.element.Alert;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.output.PageOutput;

/**
 * A session's tab as its runs see it: the copy of what it shows, which runs draw into, and the ways a run's end
 * reaches it. The session's tab link implements it; runs never see the connection or the outbox.
 * <p>
 * Threading: {@link #output} is written by the run's thread under its {@code RunStops}' monitor; {@link #show},
 * {@link #runScope} are the runner's (on the run thread), {@link #showAbandoned} the housekeeping thread's and
 * {@link #flushIfFree} the flush thread's.
 */
public interface RunTab {

    /** What the tab shows, as the session's runs draw it. */
    PageOutput output();

    boolean isConnected();

    /** The run starting now redraws only the fragment block at {@code path} ({@code null}: the whole page). */
    void runScope(ElementPath path);

    /** Shows what a committed run left and, unless it waits to be replayed, its end; returns once sent. */
    void show(int run, RunResult result);

    /** Ends the run numbered {@code run}, which was given up on, with {@code notice}, delivered on {@code executor}. */
    void showAbandoned(int run, Alert notice, Executor executor);

    /** Sends what the running run numbered {@code run} drew so far, unless somebody else is sending. */
    void flushIfFree(int run);

    /** What the copy holds is not what the tab shows (S9.2): it is forgotten, and the next run's end is sent whole. */
    void replaceOnNextRun();
}
