package dev.springlit.runtime.session;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.runtime.page.PageDescriptor;

/**
 * All live sessions by id. A session whose tab has been gone longer than
 * {@code streamlit.server.disconnected-session-ttl} is destroyed and forgotten, so its memory is released; one
 * whose tab never did anything after its first run goes after {@code streamlit.server.untouched-session-ttl}.
 * Sessions are counted per client address, so one address cannot hold more than
 * {@code streamlit.server.max-sessions-per-address} of them and lock everybody else out.
 */
public final class SessionRegistry {

    private static final Log log = LogFactory.getLog(SessionRegistry.class);

    private final SessionEngine engine;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Live sessions by the client address that created them (only those created with an address). */
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private volatile int maxPerAddress = Integer.MAX_VALUE;
    private volatile Duration untouchedTtl;
    /** A full server refuses every new tab: at most one line a second about it. */
    private final RefusalWarnings refusals = new RefusalWarnings(log);

    SessionRegistry(SessionEngine engine) {
        this.engine = engine;
    }

    /** A new session showing {@code page}, or empty when {@code streamlit.server.max-sessions} are open. */
    public Optional<Session> create(PageDescriptor page) {
        return create(page, null);
    }

    /**
     * A new session showing {@code page} for a tab at {@code clientAddress} (null: not counted per address), or
     * empty when {@code streamlit.server.max-sessions} are open or that address holds
     * {@code streamlit.server.max-sessions-per-address} already (see {@link #isAddressFull}).
     */
    public Optional<Session> create(PageDescriptor page, String clientAddress) {
        if (sessions.size() >= engine.settings().maxSessions()) {
            refusals.warn("Refused a new Springlit session: " + sessions.size() + " sessions are open "
                    + "(streamlit.server.max-sessions=" + engine.settings().maxSessions() + ")");
            return Optional.empty();
        }
        if (clientAddress != null && !countIn(clientAddress)) {
            return Optional.empty(); // the caller tells the tab; one log line per refusal would flood the log
        }
        Session session = new Session(engine, page);
        session.parking().setClientAddress(clientAddress);
        sessions.put(session.id(), session);
        return Optional.of(session);
    }

    /**
     * The session {@code id} that the store holds and this node does not, taken over for a tab at
     * {@code clientAddress} (S9.2); empty when the store has none for this user, or the limits are reached.
     */
    Optional<Session> takeOver(String id, PageDescriptor page, Principal user, String clientAddress) {
        if (id == null || sessions.containsKey(id)) {
            return Optional.empty();
        }
        Optional<SnapshotRestore.TakenOver> taken = engine.persistence().takeOver(id, user);
        if (taken.isEmpty() || sessions.size() >= engine.settings().maxSessions()) {
            return Optional.empty();
        }
        if (clientAddress != null && !countIn(clientAddress)) {
            return Optional.empty();
        }
        Session session = new Session(engine, page, id);
        session.parking().setClientAddress(clientAddress);
        session.arrival().start(taken.get());
        if (sessions.putIfAbsent(id, session) != null) {
            if (clientAddress != null) {
                countOut(clientAddress);
            }
            return Optional.empty(); // a second tab with this id was quicker
        }
        return Optional.of(session);
    }

    /** Whether this node's copy of {@code session} is the one the session store holds. */
    boolean isCurrent(Session session) {
        return engine.persistence().isCurrent(session);
    }

    /** Every live session (a copy). */
    List<Session> all() {
        return new ArrayList<>(sessions.values());
    }

    /** Forgets a session that continues on another node; its tab is told to reconnect (S9.4, S9.7). */
    void handOver(Session session, String reason) {
        forget(session);
        session.ending().handOver(reason);
    }

    /** Counts one more session for the address, unless it holds the most it may. */
    private boolean countIn(String address) {
        boolean[] admitted = {false};
        perAddress.compute(address, (a, count) -> {
            int held = count == null ? 0 : count;
            if (held >= maxPerAddress) {
                return count;
            }
            admitted[0] = true;
            return held + 1;
        });
        return admitted[0];
    }

    private void countOut(String address) {
        perAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }

    /** Whether {@code clientAddress} holds {@code streamlit.server.max-sessions-per-address} sessions now. */
    public boolean isAddressFull(String clientAddress) {
        return clientAddress != null && perAddress.getOrDefault(clientAddress, 0) >= maxPerAddress;
    }

    /** How many live sessions the tabs at {@code clientAddress} created. */
    public int countFrom(String clientAddress) {
        return perAddress.getOrDefault(clientAddress, 0);
    }

    /** Sets {@code streamlit.server.max-sessions-per-address}; 0 or less means no limit. */
    public void setMaxSessionsPerAddress(int max) {
        this.maxPerAddress = max <= 0 ? Integer.MAX_VALUE : max;
    }

    /**
     * Sets {@code streamlit.server.untouched-session-ttl}: how long a parked session whose tab did nothing after
     * the first run is kept (never longer than the disconnected-session TTL); null keeps them as long as others.
     */
    public void setUntouchedSessionTtl(Duration ttl) {
        this.untouchedTtl = ttl;
    }

    /** The live session with this id. */
    public Optional<Session> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
    }

    /** How many sessions exist, attached or parked. */
    public int size() {
        return sessions.size();
    }

    /** How many sessions have a tab attached. */
    public int connectedCount() {
        return (int) sessions.values().stream().filter(Session::isConnected).count();
    }

    /** Destroys the sessions parked longer than the TTL. */
    void expireParked() {
        long ttlNanos = engine.settings().disconnectedSessionTtl().toNanos();
        Duration untouched = untouchedTtl;
        long untouchedNanos = untouched == null ? ttlNanos : Math.min(ttlNanos, untouched.toNanos());
        long now = System.nanoTime();
        for (Session session : new ArrayList<>(sessions.values())) {
            if (session.parking().isOverdue(now, ttlNanos, untouchedNanos) && forget(session)) {
                engine.persistence().expired(session, session.ending().expire());
            }
        }
    }

    /** Ends a session at once. */
    public void remove(Session session) {
        if (forget(session)) {
            session.ending().destroy();
        }
    }

    /** Takes the session out of this registry; false when it was not in it. */
    private boolean forget(Session session) {
        if (!sessions.remove(session.id(), session)) {
            return false;
        }
        String address = session.parking().clientAddress();
        if (address != null) {
            countOut(address);
        }
        return true;
    }

    void destroyAll() {
        for (Session session : new ArrayList<>(sessions.values())) {
            remove(session);
        }
    }
}
