package dev.springlit.runtime.session;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.run.RunRequest;

/**
 * The server-rendered first page's side of a session: its first run, started before any tab is attached (its
 * page's {@code GET} waits for it and renders what it drew into the shell), and the tab whose hello adopts it. A
 * pending session stays parked, so it ends as an untouched parked one unless a tab adopts it.
 * <p>
 * Threading: {@link #start}, {@link #runHere}, {@link #await} and {@link #shown} run on the {@code GET}'s request
 * thread (the run itself too, when {@code FirstRunThreads} lets {@link #runHere} keep it there), {@link #adopt} on
 * the adopting tab's connection thread.
 */
final class PendingFirstRun {

    private final Session session;

    PendingFirstRun(Session session) {
        this.session = session;
    }

    /** Queues the first run of a session no tab is attached to yet. */
    void start() {
        session.enqueue(RunRequest.first());
    }

    /**
     * Runs the first run on the calling thread (its page's GET), handed to the run executor if it outlives
     * {@code millis} ({@code late} is told then; see {@code Runner#runFirstHere}). Returns its number once it ended
     * here, else -1 (handed over). A runner that is not idle runs it on the run executor as usual.
     */
    int runHere(long millis, Runnable late) {
        if (!session.runner().runFirstHere(RunRequest.first(), millis, late)) {
            return session.enqueue(RunRequest.first()) ? await(millis) : -1; // -1 at once when the session ended
        }
        return session.tab().firstRunEnded().getNow(-1);
    }

    /** The number of the first run once it ended, within {@code millis}; else -1. */
    int await(long millis) {
        try {
            return session.tab().firstRunEnded().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** What the session's tab shows now, as ops for a page that starts empty (what a GET renders). */
    List<ServerMessage.Op> shown() {
        return session.tab().output().snapshot();
    }

    /**
     * Attaches the tab whose page's GET rendered run {@code shownRun}: no second run, and no tree when nothing ran
     * since (see {@link TabLink#adopt}).
     */
    void adopt(ClientConnection connection, int shownRun) {
        session.tab().adopt(connection, session.attachedMessage(true), shownRun, session.runner()::runCount);
        session.runner().kick();
    }
}
