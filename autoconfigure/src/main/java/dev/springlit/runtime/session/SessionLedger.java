package dev.springlit.runtime.session;

import dev.springlit.runtime.run.CommitParts;

/**
 * Where one session stands with its tab's numbered interactions (S9.3) and with the session store (S9.4): the
 * highest number received, the highest one a committed run includes, the highest one the tab may forget (stored
 * where another node finds it, or, without a shared store, committed here), and the store version this node
 * owns. Thread-safe: the tab's connection thread, the session's run and the store's keeper thread all use it.
 */
final class SessionLedger {

    private long received;
    private long applied;
    private long acknowledged;
    private long version;
    /** The store may hold a newer version than ours (a write failed half-way): claim again before committing. */
    private boolean reclaim;
    /** What the store holds at our version when we wrote it ourselves, else {@code null} (the next write is whole). */
    private CommitParts landed;

    /** Takes interaction {@code seq} in, or returns false for one already received (a re-send after a reconnect). */
    synchronized boolean receive(long seq) {
        if (seq <= 0) {
            return true;
        }
        if (seq <= received) {
            return false;
        }
        received = seq;
        return true;
    }

    /** The last interaction the state committed with {@code seq}'s run includes. */
    synchronized long applied(long seq) {
        applied = Math.max(applied, seq);
        return applied;
    }

    synchronized void acknowledge(long seq) {
        acknowledged = Math.max(acknowledged, seq);
    }

    synchronized long acknowledged() {
        return acknowledged;
    }

    synchronized long received() {
        return received;
    }

    synchronized long applied() {
        return applied;
    }

    /** A session taken over from the store: everything up to {@code lastSeq} is in its state. */
    synchronized void adopt(long lastSeq, long version) {
        received = Math.max(received, lastSeq);
        applied = Math.max(applied, lastSeq);
        acknowledged = Math.max(acknowledged, lastSeq);
        this.version = version;
        this.reclaim = false;
        this.landed = null;
    }

    synchronized long version() {
        return version;
    }

    /** The store holds {@code version} now, claimed by this node: its content is not (only) ours. */
    synchronized void committed(long version) {
        this.version = version;
        this.reclaim = false;
        this.landed = null;
    }

    /** This node's commit of {@code parts} landed as {@code version}: the next commit writes only what differs. */
    synchronized void landed(long version, CommitParts parts) {
        this.version = version;
        this.reclaim = false;
        this.landed = parts;
    }

    synchronized CommitParts landed() {
        return landed;
    }

    synchronized boolean mustReclaim() {
        return reclaim || version == 0;
    }

    synchronized void storeFailed() {
        reclaim = true;
        landed = null;
    }
}
