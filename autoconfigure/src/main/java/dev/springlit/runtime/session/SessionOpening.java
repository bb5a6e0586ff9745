package dev.springlit.runtime.session;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.store.SessionStoreException;

/**
 * Which session a tab that says hello gets (S1.3–S1.5): the one it names if it may have it (a refresh or
 * reconnect reclaims it; a duplicated tab gets it only while no other tab holds it; never another user's, nor an
 * anonymous one once the tab has logged in (S12.3)), else a
 * new one, which takes the widget values of a session this server no longer knows; or none when the server or
 * the tab's address holds too many sessions. Called on the connection's thread; sessions are safe for that.
 */
public final class SessionOpening {

    /** What became of a hello. */
    public sealed interface Outcome {
    }

    /** The tab is attached to {@code session}. */
    public record Opened(Session session) implements Outcome {
    }

    /**
     * The session store cannot say whether the tab's session is there (it is unreachable): the tab should connect
     * again shortly instead of starting afresh.
     */
    public record StoreUnavailable(String message) implements Outcome {
    }

    /** No session for now; {@code message} tells the tab why. {@code addressFull}: its address holds too many. */
    public record Refused(String message, boolean addressFull) implements Outcome {
    }

    /**
     * A pending session's first run as a page's {@code GET} renders it: {@code token} is what the tab's hello
     * carries ({@code adopt}) to get that session; {@code run} is the run's number and {@code ops} what it drew, or
     * -1 and nothing when it did not end within the wait (the tab then gets the tree over the socket).
     */
    public record FirstRun(String token, int run, List<ServerMessage.Op> ops) {
    }

    /** How long a pending session waits for its tab's hello; its session ends as an untouched parked one anyway. */
    static final Duration ADOPTION_WINDOW = Duration.ofSeconds(30);

    private final SessionRegistry sessions;
    private final AdoptionTokens<PendingTab> pending = new AdoptionTokens<>(ADOPTION_WINDOW);
    private final FirstRunThreads firstRuns = FirstRunThreads.forThisMachine();

    /** A pending session and the run its GET rendered. */
    private record PendingTab(Session session, int run) {
    }

    SessionOpening(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    /**
     * Opens a pending session for a page's {@code GET} (a tab without a session yet), under the same total and
     * per-address limits as a hello, runs its page once (on the calling thread when it can, see
     * {@link FirstRunThreads}) and waits up to {@code waitMillis} for that run to end.
     * Empty when the limits refuse a session: the GET then serves the empty shell and the hello is refused as today.
     */
    public Optional<FirstRun> openPending(TabHello request, long waitMillis) {
        Optional<Session> created = sessions.create(request.page(), request.address());
        if (created.isEmpty()) {
            return Optional.empty();
        }
        Session session = created.get();
        session.setUser(request.user());
        session.address().setQuery(request.query());
        int run = firstRuns.run(session, waitMillis);
        List<ServerMessage.Op> ops = run > 0 ? session.pending().shown() : List.of();
        return Optional.of(new FirstRun(pending.issue(new PendingTab(session, run)), run, ops));
    }

    /**
     * Finds or creates the tab's session and attaches {@code connection}. {@code beforeAttach} sees the session
     * first, so the transport can route the connection's next messages (and its close) to it before any run starts.
     */
    public Outcome open(TabHello hello, ClientConnection connection, Consumer<Session> beforeAttach) {
        Optional<PendingTab> adopted = pending.take(hello.adopt())
                .filter(p -> p.session().isAlive() && !p.session().isConnected());
        if (adopted.isPresent()) {
            PendingTab tab = adopted.get();
            if (hello.sessionId() == null && tab.session().page().path().equals(hello.page().path())
                    && sameUser(tab.session().user(), hello.user())) {
                return adopt(tab, connection, beforeAttach);
            }
            sessions.remove(tab.session()); // the tab goes back to its own session: its GET's run was for nothing
        }
        Optional<Session> known = sessions.find(hello.sessionId());
        Optional<Session> existing = known
                .filter(s -> hello.reclaim() || !s.isConnected())
                .filter(s -> sameUser(s.user(), hello.user()));
        if (existing.isPresent() && !sessions.isCurrent(existing.get())) {
            // another node went on with it since its tab left here: this copy is stale, the store has the session
            sessions.handOver(existing.get(), "This session continues on another server.");
            existing = Optional.empty();
        }
        if (existing.isPresent()) {
            Session session = existing.get();
            session.setUser(hello.user());
            beforeAttach.accept(session);
            session.address().setQuery(hello.query());
            if (!session.arrival().attachShown(connection, hello.shown())) { // still nothing drawn here since a take-over
                session.attach(connection, false);
            }
            if (!session.page().path().equals(hello.page().path())) {
                session.address().navigate(hello.page());
            }
            return new Opened(session);
        }
        Optional<Session> taken;
        try {
            taken = hello.reclaim()
                    ? sessions.takeOver(hello.sessionId(), hello.page(), hello.user(), hello.address())
                    : Optional.empty();
        } catch (SessionStoreException unavailable) {
            return new StoreUnavailable("The session store is unavailable right now; reconnecting to your session.");
        }
        if (taken.isPresent()) {
            // another node (or this JVM before a restart) committed it: same state, no callbacks, and no run when the
            // tab still shows that state's page (S9.2); else one run draws it
            Session session = taken.get();
            beforeAttach.accept(session);
            session.setUser(hello.user());
            session.address().setQuery(hello.query());
            if (!session.arrival().attachShown(connection, hello.shown())) {
                session.attach(connection, true);
            }
            session.arrival().tellFilesLeftBehind();
            return new Opened(session);
        }
        Optional<Session> created = sessions.create(hello.page(), hello.address());
        if (created.isEmpty()) {
            boolean addressFull = sessions.isAddressFull(hello.address());
            return new Refused(addressFull
                    ? "Too many sessions were opened from your network address. Close some tabs, or try again in a "
                            + "few minutes."
                    : "The server has too many open sessions right now. Try again in a few minutes.", addressFull);
        }
        Session session = created.get();
        beforeAttach.accept(session);
        session.setUser(hello.user());
        session.address().setQuery(hello.query());
        if (hello.sessionId() != null && known.map(s -> sameUser(s.user(), hello.user())).orElse(true)) {
            // the tab had a session this server no longer knows: take its widgets' values back (S1.5), each used
            // once, when a widget with that id is drawn, without firing callbacks; never those of another user's
            // session (S12.3: a login or logout starts afresh)
            if (hello.widgets() != null && !hello.widgets().isEmpty()) {
                session.resources().restore(hello.widgets());
            }
        }
        session.attach(connection, true);
        return new Opened(session);
    }

    /**
     * Attaches the tab to the pending session its GET rendered: no second run, unless that run read
     * {@code st.context()}, which only the handshake and the browser's report complete (then it reruns once).
     */
    private Outcome adopt(PendingTab tab, ClientConnection connection, Consumer<Session> beforeAttach) {
        Session session = tab.session();
        boolean readContext = session.identity().wasContextRead();
        beforeAttach.accept(session);
        session.pending().adopt(connection, tab.run());
        if (readContext) {
            session.requestRerun();
        }
        return new Opened(session);
    }

    /** S12.3: a session never changes users; anonymous visitors are one "user" among themselves. */
    private static boolean sameUser(Principal owner, Principal asking) {
        if (owner == null || asking == null) {
            return owner == null && asking == null;
        }
        return owner.getName() != null && owner.getName().equals(asking.getName());
    }
}
