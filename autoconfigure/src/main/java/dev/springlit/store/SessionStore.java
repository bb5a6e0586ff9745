package dev.springlit.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps each session's committed state where every node can find it, with one owner at a time.
 *
 * <p>A record carries a version that every {@link #claim claim} and every {@link #commit commit} increases. A
 * node works from the version it last saw, and a commit lands only if the stored version is still that one:
 * once another node has claimed the session, the old owner's commits are refused and nothing of them is written
 * (a fencing token). Every write sets the record's time to live; a record nobody writes or {@link #touch touches}
 * within it disappears.
 *
 * <pre>{@code
 * StoredSession mine = store.claim(sessionId, "node-a", Duration.ofMinutes(2));
 * byte[] bytes = codec.encode(snapshot);
 * if (!store.commit(mine.next(snapshot.lastSeq(), bytes), Duration.ofMinutes(2))) {
 *     // another node owns the session now: discard this run
 * }
 * }</pre>
 *
 * <p>A JDBC implementation is a table (id primary key, version, owner, last_seq, snapshot blob, expires_at):
 * {@code claim} is an upsert that increments the version, {@code commit} an
 * {@code UPDATE ... WHERE id = ? AND version = ? AND owner = ?} that must hit one row, and expiry a periodic
 * {@code DELETE ... WHERE expires_at < now}. Session ids are opaque secrets (they authorize reconnects): never
 * log them.
 *
 * <p>Implementations are thread-safe. Failures of the backend are reported as {@link SessionStoreException};
 * data under a session id that is not a session of this format as {@link UnreadableSessionException}.
 */
public interface SessionStore {

    /** The session as stored, or empty when there is none (never created, expired or released). */
    Optional<StoredSession> load(String sessionId);

    /**
     * Makes {@code node} the owner of the session, creating an empty one (no snapshot, last sequence 0) when
     * there is none, and returns it with its new version: the version the owner's next commit starts from.
     */
    StoredSession claim(String sessionId, String node, Duration ttl);

    /**
     * Replaces the stored session with {@code next} if the store still holds {@code next.version() - 1} owned by
     * {@code next.owner()}; otherwise writes nothing.
     *
     * @return whether it landed; {@code false} when another node claimed or committed the session meanwhile, or
     *         it expired
     */
    boolean commit(StoredSession next, Duration ttl);

    /**
     * {@link #commit(StoredSession, Duration)} where {@code delta} says which parts of {@code next.snapshot()} differ
     * from the version it follows, so a store that keeps parts apart writes only those (fewer bytes per run). The
     * version check is the same.
     */
    default boolean commit(StoredSession next, SnapshotDelta delta, Duration ttl) {
        return commit(next, ttl);
    }

    /**
     * {@link #commit(StoredSession, SnapshotDelta, Duration)} ({@code delta} {@code null}: the whole snapshot) without
     * waiting for the backend: the stage completes with whether the commit landed, or exceptionally with a
     * {@link SessionStoreException}. A store whose client does not block overrides it so that no thread waits while
     * the write travels (Redis); the default writes on the calling thread and returns a completed stage, so a
     * blocking store (JDBC) needs nothing more. The stage may complete on the backend's own I/O thread: whoever
     * waits on it must hand blocking work elsewhere.
     *
     * <pre>{@code
     * store.commitAsync(mine.next(seq, bytes), null, ttl)
     *         .thenAcceptAsync(landed -> tellTheTab(landed), runExecutor);
     * }</pre>
     */
    default CompletionStage<Boolean> commitAsync(StoredSession next, SnapshotDelta delta, Duration ttl) {
        try {
            return CompletableFuture.completedFuture(delta == null ? commit(next, ttl) : commit(next, delta, ttl));
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    /** Keeps the session for {@code ttl} from now, as a parked tab's session is; false when there is none. */
    boolean touch(String sessionId, Duration ttl);

    /**
     * Removes the session if it is still at {@code version}, so that exactly one node ends it (and runs its
     * session-scoped beans' destruction callbacks, S9.6).
     *
     * @return true when this call removed it; false when another node claimed or committed it since, or it was
     *         gone already (another node ended it, or it expired)
     */
    boolean release(String sessionId, long version);

    /**
     * Whether other nodes read this store, so every run is committed to it (and values must be serializable); a
     * store private to this JVM is written only when the application stops, for its restart (DevTools).
     */
    default boolean isShared() {
        return true;
    }
}
