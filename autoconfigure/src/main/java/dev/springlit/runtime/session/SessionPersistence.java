package dev.springlit.runtime.session;

import java.security.Principal;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.run.CommitParts;
import dev.springlit.runtime.run.Run;
import dev.springlit.runtime.run.RunResult;
import dev.springlit.runtime.run.SessionData;
import dev.springlit.runtime.run.StoreWaits;
import dev.springlit.store.SessionStore;
import dev.springlit.store.SessionStoreException;
import dev.springlit.store.SnapshotDelta;
import dev.springlit.store.SnapshotCodec;
import dev.springlit.store.StoredSession;

/**
 * Keeps sessions in a {@link SessionStore} so that they outlive this node (S9). With a shared store every completed
 * run is committed, fenced by the version this node owns, before its tab hears that the run ended; a session this
 * node does not know is taken over from the store when its tab says hello; a keeper thread keeps the records of
 * live sessions from expiring. With the in-process store (not shared) nothing is written per run: the sessions are
 * saved when the engine stops, so a restart in the same JVM (DevTools) finds them, at today's speed.
 *
 * Loading a stored session into a live one is {@link SnapshotRestore}; keeping records alive and releasing those of
 * expired sessions, {@link StoreKeeper}.
 *
 * <p>Threading: {@link #commit} runs on the session's run thread, and the end of a write that was still on its way
 * on the run executor; {@link #takeOver} runs on the connection's thread; the store
 * is thread-safe and each session's position is in its own {@link SessionLedger}. Store calls never happen under a
 * session's lock.
 */
public final class SessionPersistence implements AutoCloseable {

    private static final Log log = LogFactory.getLog(SessionPersistence.class);

    /** No store: sessions live and die with this engine (the page tester, an engine without Spring). */
    static final SessionPersistence NONE = new SessionPersistence(null, null, "local", Duration.ofMinutes(2), false);

    /**
     * Commits pending at once (on their way to the store, or waiting for the batch in front of them), beyond which a
     * run thread waits for its commit as before the async commit. Without a bound every tab's run went ahead and
     * 1,000 commits queued on Lettuce's one connection, whose event loop then starved beside the busy run threads
     * until commands passed the 2 s timeout (StoreBenchmark, load 44); a waiting run thread is what slows the pages
     * down to the store's pace. With batched commits (session 8, StoreBenchmark at 1,000 tabs, load 35-56) 16, 128
     * and 1,024 each ended a run on that timeout, 32 finished all three of its runs (CommitsInFlightTest).
     */
    private static final int MAX_COMMITS_IN_FLIGHT = 32;

    /** A commit that is over: nothing to write, or written already. */
    private static final CompletableFuture<Boolean> LANDED = CompletableFuture.completedFuture(true);

    private final SessionStore store;
    private final SnapshotCodec codec;
    private final String node;
    private final Duration ttl;
    private final boolean eachRun;
    private final StoreKeeper keeper;
    private final RefusalWarnings storeWarnings = new RefusalWarnings(log);
    private final SnapshotRestore restore;
    private final Semaphore commitsInFlight = new Semaphore(MAX_COMMITS_IN_FLIGHT);

    private SessionPersistence(SessionStore store, SnapshotCodec codec, String node, Duration ttl, boolean eachRun) {
        this.store = store;
        this.codec = codec;
        this.node = node;
        this.ttl = ttl;
        this.eachRun = eachRun;
        this.restore = new SnapshotRestore(store, codec, node, ttl, eachRun, storeWarnings);
        this.keeper = new StoreKeeper(store, ttl, eachRun, storeWarnings);
    }

    /**
     * Sessions in a store shared by several nodes: committed after every completed run. {@code ttl} is
     * {@code streamlit.server.disconnected-session-ttl}.
     */
    public static SessionPersistence shared(SessionStore store, SnapshotCodec codec, String node, Duration ttl) {
        return new SessionPersistence(store, codec, node, ttl, true);
    }

    /** Sessions kept in this JVM across a restart of the application (DevTools): saved when the engine stops. */
    public static SessionPersistence acrossRestarts(SessionStore store, SnapshotCodec codec, Duration ttl) {
        return new SessionPersistence(store, codec, "local", ttl, false);
    }

    /** Whether every run is committed to a store other nodes read. */
    public boolean isShared() {
        return eachRun;
    }


    /** Starts the keeper that keeps live sessions' records from expiring; {@code sessions} is what it touches. */
    void start(SessionRegistry sessions) {
        keeper.start(sessions);
    }

    /**
     * Commits the state {@code run} completed with ({@code result.committed()} {@code null}: none), before the runner
     * takes it and the tab hears the run ended. Completes with false when another node owns the session now: the run
     * is discarded, the session handed over and its tab sent there. Complete already when nothing was written or
     * the store answered at once; a write still on its way (Redis) completes on {@code after}, because what follows
     * a lost version check reads and writes the store again and tells the tab, which no store I/O thread may do.
     */
    CompletableFuture<Boolean> commit(Session session, Run run, RunResult result, Executor after) {
        SessionData data = result.committed();
        if (data == null) {
            return LANDED; // the run commits nothing (interrupted, stopped): nothing to store either
        }
        SessionLedger ledger = session.ledger();
        long seq = ledger.applied(run.request().seq());
        if (!eachRun) {
            ledger.acknowledge(seq);
            return LANDED;
        }
        if (run.isAbandoned()) {
            return LANDED; // the session refuses it itself
        }
        CommitParts parts;
        byte[] bytes;
        try {
            parts = parts(session, data, result.rerunAfter(), ledger.landed());
            bytes = codec.frame(parts.parts());
        } catch (IllegalArgumentException unstorable) {
            session.refusals().warn("Springlit could not store session " + session.tag() + ": "
                    + unstorable.getMessage());
            session.send(new ServerMessage.Error("state_not_stored", unstorable.getMessage()
                    + " It is kept on this server only and is lost if the server stops."));
            return LANDED;
        }
        StoredSession next;
        CompletableFuture<Boolean> written;
        try {
            if (ledger.mustReclaim()) {
                long claimed = StoreWaits.during(() -> store.claim(session.id(), node, ttl).version());
                ledger.committed(claimed);
            }
            // what the store holds at our version is what we last wrote: only what changed since goes
            CommitParts before = ledger.landed();
            next = new StoredSession(session.id(), ledger.version() + 1, node, seq, bytes);
            SnapshotDelta delta = before == null ? null : parts.deltaFrom(before);
            StoredSession version = next;
            if (commitsInFlight.tryAcquire()) {
                // a store without a non-blocking client writes here, on the run thread
                written = StoreWaits.during(() -> store.commitAsync(version, delta, ttl).toCompletableFuture());
                written.whenComplete((landed, failed) -> commitsInFlight.release());
            } else { // enough on their way: this run thread waits, and this node runs no more pages meanwhile
                written = CompletableFuture.completedFuture(StoreWaits.during(() -> delta == null
                        ? store.commit(version, ttl) : store.commit(version, delta, ttl)));
            }
        } catch (SessionStoreException | IllegalStateException failed) {
            return CompletableFuture.completedFuture(storeFailed(session, failed));
        }
        if (written.isDone()) {
            return CompletableFuture.completedFuture(settle(session, next, parts, written));
        }
        return written.handleAsync((landed, failed) -> settle(session, next, parts, written), after);
    }

    /**
     * What a commit's write came to: landed (acknowledged to the tab), failed (the tab is told, the state stays on
     * this node), or refused by the version check: then a record gone from the store is written again, else another
     * node owns the session now and it is handed over (false).
     */
    private boolean settle(Session session, StoredSession next, CommitParts parts, CompletableFuture<Boolean> written) {
        SessionLedger ledger = session.ledger();
        try {
            boolean landed = written.join();
            if (landed) {
                ledger.landed(next.version(), parts);
            }
            if (landed || StoreWaits.during(() -> store.load(session.id()).isEmpty()
                    && recreate(session, next.lastSeq(), next.snapshot(), parts))) {
                ledger.acknowledge(next.lastSeq());
                return true;
            }
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof SessionStoreException || wrapped.getCause() instanceof IllegalStateException) {
                return storeFailed(session, (RuntimeException) wrapped.getCause());
            }
            throw wrapped.getCause() instanceof RuntimeException cause ? cause : wrapped;
        } catch (SessionStoreException | IllegalStateException failed) {
            return storeFailed(session, failed);
        }
        log.warn("Springlit session " + session.tag() + " is owned by another node now (store version past "
                + ledger.version() + "); this node's run is discarded and its tab sent there");
        session.engine().sessions().handOver(session, "This session continues on another server.");
        return false;
    }

    /** The store failed: the run's state stays on this node, the tab is told, and the next commit claims first. */
    private boolean storeFailed(Session session, RuntimeException failed) {
        session.ledger().storeFailed();
        storeWarnings.warn("Springlit could not store session " + session.tag() + " (it keeps the run's state on "
                + "this node and stores it with its next run): " + failed.getMessage());
        session.send(new ServerMessage.Error("store_unavailable", "The session store is unavailable right now. "
                + "Your state is kept on this server and saved again once the store is back."));
        return true;
    }

    /**
     * The record is gone although this node still serves the session (Redis restarted empty, or it expired while
     * Redis was unreachable): nobody else can have newer state, so this node stores it again.
     */
    private boolean recreate(Session session, long seq, byte[] bytes, CommitParts parts) {
        StoredSession claimed = store.claim(session.id(), node, ttl);
        StoredSession next = claimed.next(seq, bytes);
        if (claimed.isEmpty() && store.commit(next, ttl)) {
            session.ledger().landed(next.version(), parts);
            log.info("Springlit stored session " + session.tag() + " again: its record was gone from the store");
            return true;
        }
        return false;
    }

    /** See {@link SnapshotRestore#takeOver}: a stored session claimed for this node, or empty. */
    Optional<SnapshotRestore.TakenOver> takeOver(String sessionId, Principal user) {
        return restore.takeOver(sessionId, user);
    }

    /**
     * Whether this node's copy of a session is still the one the store holds (no other node took it over since its
     * tab left here); true without a shared store, for a session never stored, or when the store cannot say.
     */
    boolean isCurrent(Session session) {
        long version = session.ledger().version();
        if (!eachRun || version == 0) {
            return true;
        }
        try {
            return store.load(session.id()).map(stored -> stored.version() == version).orElse(true);
        } catch (RuntimeException unknown) {
            return true;
        }
    }


    /** A parked session expired here: see {@link StoreKeeper#expired}. */
    void expired(Session session, SessionBeans beans) {
        keeper.expired(session, beans);
    }

    /**
     * The engine closes without {@code SpringlitEngine.leave}: with a shared store the sessions stored there go on
     * (on another node, or on this one restarted), so they are let go here without their beans' destruction
     * callbacks (S9.6), and their tabs are told to reconnect. Sessions never stored end with the engine.
     */
    void letGo(SessionRegistry sessions) {
        if (!eachRun) {
            return;
        }
        for (Session session : sessions.all()) {
            if (session.ledger().version() > 0) {
                sessions.handOver(session, "This server is stopping; the tab continues on another one.");
            }
        }
    }

    /**
     * Saves the committed state of {@code sessions} for a restart in this JVM (the in-process store only; a shared
     * store has it already). Values that cannot be serialized leave their session out, logged.
     */
    void saveAll(Collection<Session> sessions) {
        if (store == null || eachRun) {
            return;
        }
        int saved = 0;
        for (Session session : sessions) {
            try {
                long seq = session.ledger().applied();
                byte[] bytes = codec.frame(parts(session, session.runner().data(), false, null).parts());
                StoredSession claimed = store.claim(session.id(), node, ttl);
                store.commit(claimed.next(seq, bytes), ttl);
                saved++;
            } catch (RuntimeException e) {
                log.info("Springlit session " + session.tag() + " is not kept across the restart: " + e.getMessage());
            }
        }
        if (saved > 0) {
            log.info("Springlit kept " + saved + " session(s) in memory for the application's restart");
        }
    }

    /** The parts of {@code data}, serializing only what its runs have not serialized yet (see {@link CommitParts}). */
    private CommitParts parts(Session session, SessionData data, boolean rerunRequested, CommitParts previous) {
        Principal user = session.user();
        String search = session.query().toSearch();
        return CommitParts.of(data, session.page().path(), search.startsWith("?") ? search.substring(1) : search,
                user == null ? null : user.getName(), rerunRequested, previous, codec);
    }

    @Override
    public void close() {
        keeper.close();
    }
}
