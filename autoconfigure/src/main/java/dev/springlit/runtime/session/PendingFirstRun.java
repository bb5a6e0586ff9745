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
 * Threading: {@link #start}, {@link #await} and {@link #shown} run on the {@code GET}'s request thread,
 * {@link #adopt} on the adopting tab's connection thread.
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
