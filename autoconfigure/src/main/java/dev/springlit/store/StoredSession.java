package dev.springlit.store;

import java.util.Objects;

/**
 * One session as a {@link SessionStore} keeps it: opaque snapshot bytes plus what the store itself needs to know
 * without decoding them.
 *
 * <pre>{@code
 * StoredSession claimed = store.claim(id, "node-a", ttl);      // version 7, say
 * StoredSession next = claimed.next(42, codec.encode(snapshot)); // version 8, owned by node-a
 * }</pre>
 *
 * @param id       the session id (a secret: {@link #toString()} leaves it out)
 * @param version  increases with every claim and commit; the fencing token of {@link SessionStore#commit}
 * @param owner    the node that claimed it last
 * @param lastSeq  the sequence number of the last interaction the committed state includes
 * @param snapshot the {@link SnapshotCodec} bytes; empty for a session claimed but never committed
 */
public record StoredSession(String id, long version, String owner, long lastSeq, byte[] snapshot) {

    public StoredSession {
        SessionIds.require(id);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(snapshot, "snapshot");
        if (version < 1) {
            throw new IllegalArgumentException("A stored session's version starts at 1, not " + version + ".");
        }
        if (lastSeq < 0) {
            throw new IllegalArgumentException("An interaction sequence number is never negative: " + lastSeq + ".");
        }
        // a caller mutating its array afterwards must not change what the store holds
        snapshot = snapshot.clone();
    }

    /** The snapshot bytes (a copy). */
    @Override
    public byte[] snapshot() {
        return snapshot.clone();
    }

    /** The snapshot's {@link SnapshotParts#HEADER header}, or no bytes for an empty one; without copying the rest. */
    byte[] header() {
        return snapshot.length == 0 ? snapshot.clone() : SnapshotParts.header(snapshot);
    }

    /** Whether the session was claimed but nothing was committed yet. */
    public boolean isEmpty() {
        return snapshot.length == 0;
    }

    /** The commit that follows this version, by the same owner. */
    public StoredSession next(long lastSeq, byte[] snapshot) {
        return new StoredSession(id, version + 1, owner, lastSeq, snapshot);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSession that && id.equals(that.id) && version == that.version
                && owner.equals(that.owner) && lastSeq == that.lastSeq
                && java.util.Arrays.equals(snapshot, that.snapshot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, owner, lastSeq, java.util.Arrays.hashCode(snapshot));
    }

    @Override
    public String toString() {
        return "StoredSession[version=" + version + ", owner=" + owner + ", lastSeq=" + lastSeq + ", "
                + snapshot.length + " bytes]";
    }
}
