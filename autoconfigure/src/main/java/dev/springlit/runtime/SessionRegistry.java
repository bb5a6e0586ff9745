package dev.springlit.runtime;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * All live sessions by id. A session whose tab has been gone longer than
 * {@code streamlit.server.disconnected-session-ttl} is destroyed and forgotten, so its memory is released.
 */
public final class SessionRegistry {

    private static final Log log = LogFactory.getLog(SessionRegistry.class);

    private final SpringlitEngine engine;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    SessionRegistry(SpringlitEngine engine) {
        this.engine = engine;
    }

    /** A new session showing {@code page}, or empty when {@code streamlit.server.max-sessions} are open. */
    public Optional<Session> create(PageDescriptor page) {
        if (sessions.size() >= engine.settings().maxSessions()) {
            log.warn("Refused a new Springlit session: " + sessions.size() + " sessions are open "
                    + "(streamlit.server.max-sessions=" + engine.settings().maxSessions() + ")");
            return Optional.empty();
        }
        Session session = new Session(engine, page);
        sessions.put(session.id(), session);
        return Optional.of(session);
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
        long now = System.nanoTime();
        for (Session session : new ArrayList<>(sessions.values())) {
            long parkedSince = session.parkedSince();
            if (parkedSince >= 0 && now - parkedSince >= ttlNanos) {
                remove(session);
            }
        }
    }

    /** Ends a session at once. */
    public void remove(Session session) {
        if (sessions.remove(session.id(), session)) {
            session.destroy();
        }
    }

    void destroyAll() {
        for (Session session : new ArrayList<>(sessions.values())) {
            remove(session);
        }
    }
}
