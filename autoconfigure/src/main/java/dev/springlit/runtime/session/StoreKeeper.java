package dev.springlit.runtime.session;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.store.SessionStore;

/**
 * The shared store's keeper thread ({@code springlit-store}): it keeps the records of this node's live sessions
 * from expiring, and releases the record of a session that expired here, so that its session-scoped beans are
 * destroyed once, by the node whose release ends it (S9.6). Without a shared store there is no thread and a
 * session that expires here ends here.
 * <p>
 * Threading: the registry's sweep hands expiries over from the housekeeping thread; store calls happen only on the
 * keeper thread, never under a session's lock.
 */
final class StoreKeeper implements AutoCloseable {

    private static final Log log = LogFactory.getLog(StoreKeeper.class);

    /** A well-formed session id no session has (ids are random), read once to open the store's connection. */
    private static final String WARM_UP_ID = "springlit-warm-up-000000";

    private final SessionStore store;
    private final Duration ttl;
    private final RefusalWarnings storeWarnings;
    private final ScheduledExecutorService keeper;

    StoreKeeper(SessionStore store, Duration ttl, boolean shared, RefusalWarnings storeWarnings) {
        this.store = store;
        this.ttl = ttl;
        this.storeWarnings = storeWarnings;
        this.keeper = shared ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "springlit-store");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** Starts keeping the records of {@code sessions} alive (a shared store only). */
    void start(SessionRegistry sessions) {
        if (keeper == null) {
            return;
        }
        // connect now, not when the first tab fails over to this node and waits for it
        keeper.execute(() -> {
            try {
                store.load(WARM_UP_ID);
            } catch (RuntimeException notYet) {
                log.info("Springlit's session store is not reachable yet: " + notYet.getMessage());
            }
        });
        long periodMs = Math.max(1_000, ttl.toMillis() / 3);
        keeper.scheduleWithFixedDelay(() -> keepAlive(sessions), periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Keeps the records of this node's live sessions; one whose record went elsewhere is left alone. */
    private void keepAlive(SessionRegistry sessions) {
        try {
            for (Session session : sessions.all()) {
                if (session.isAlive() && session.ledger().version() > 0) {
                    store.touch(session.id(), ttl);
                }
            }
        } catch (RuntimeException e) {
            storeWarnings.warn("Springlit could not keep sessions alive in the session store: " + e.getMessage());
        }
    }

    /**
     * A parked session expired here: its record goes too, unless another node has taken it since, and its
     * session-scoped {@code beans} are destroyed only by the node whose release ended it (S9.6: once, on one node).
     * A copy another node took over ends here silently: the session lives on there.
     */
    void expired(Session session, SessionBeans beans) {
        long version = session.ledger().version();
        if (keeper == null || version == 0) {
            destroy(beans); // no other node can have it
            return;
        }
        try {
            keeper.execute(() -> endOrLeave(session, version, beans));
        } catch (RejectedExecutionException stopping) {
            destroy(beans); // this node is stopping: nobody else is asked any more
        }
    }

    /**
     * On the keeper thread: the node whose release ends the session destroys its beans; a stale copy does not. A
     * record that is gone (Redis lost it) ends here too: every node holding a copy keeps touching the record, and
     * a node that took the session over later parks it later, so no other node is left to end it.
     */
    private void endOrLeave(Session session, long version, SessionBeans beans) {
        boolean endsHere;
        try {
            endsHere = store.release(session.id(), version) || store.load(session.id()).isEmpty();
        } catch (RuntimeException e) {
            endsHere = true; // nobody else can tell now: its beans are destroyed here rather than never
            storeWarnings.warn("Springlit could not release session " + session.tag() + " (its record expires "
                    + "by itself): " + e.getMessage());
        }
        if (endsHere) {
            destroy(beans);
        } else {
            log.debug("Springlit session " + session.tag() + " expired here and goes on at another node");
        }
    }

    private static void destroy(SessionBeans beans) {
        if (beans != null) {
            beans.destroy();
        }
    }

    @Override
    public void close() {
        if (keeper != null) {
            keeper.shutdownNow();
        }
    }
}
