package dev.springlit.runtime.session;

import java.util.List;

import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.ServerMessage;

/**
 * A session that arrived from the session store (S9.2: taken over from another node, or from this JVM before a
 * restart): the page its stored state was committed with, the uploads that stayed behind, and attaching its tab
 * without a run while that tab still shows what the stored state drew.
 * <p>
 * Threading: {@link #start} runs before any tab is attached; the rest on the connection threads of its tab's hellos.
 */
final class SessionArrival {

    private final Session session;
    /** File uploaders whose files stayed on the node this session was taken over from. */
    private volatile List<String> filesLeftBehind = List.of();
    /** Where the stored state was committed, or null for a session that did not arrive from the store. */
    private volatile StoredPage storedPage;

    SessionArrival(Session session) {
        this.session = session;
    }

    /** Starts from the state another node committed; called before a tab is attached. */
    void start(SnapshotRestore.TakenOver taken) {
        session.ledger().adopt(taken.stored().lastSeq(), taken.stored().version());
        filesLeftBehind = taken.snapshot().filesLeftBehind();
        // a rerun its last run asked for never committed (its node died first): a run here must draw the page
        storedPage = taken.snapshot().rerunRequested() ? null
                : new StoredPage(taken.snapshot().pagePath(), taken.snapshot().query());
        session.runner().restore(SnapshotRestore.committedState(taken.snapshot()));
        session.parking().touch();
    }

    /** Tells the tab that its uploads stayed on the node the session came from, if any did. */
    void tellFilesLeftBehind() {
        if (!filesLeftBehind.isEmpty()) {
            session.send(new ServerMessage.Error("files_left_behind", "The files uploaded in this tab stayed on the "
                    + "server that received them, which no longer serves it. Upload them again."));
        }
    }

    /**
     * Attaches the tab without a run when the tab says it still shows the page ({@code tabShowsPage}: a reconnect,
     * not a reload) and asks for the page and query parameters the stored state was committed with; its last run
     * completed, so nothing is drawn until its next interaction, whose run replaces what the tab shows. Returns
     * false, attaching nothing, otherwise.
     */
    boolean attachShown(ClientConnection connection, boolean tabShowsPage) {
        StoredPage stored = storedPage;
        TabLink tab = session.tab();
        if (!tabShowsPage || stored == null || !tab.isReplacing() && session.runCount() > 0
                || !stored.matches(session.page().path(), session.query().toSearch())) {
            return false;
        }
        tab.attachShown(connection, session.attachedMessage(false));
        session.runner().drawnElsewhere();
        session.runner().kick(); // what the tab re-sends meanwhile may already wait
        return true;
    }
}
