package dev.springlit.runtime.session;

import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.run.RunRequest;

/**
 * How a session ends on this node, once: for good (its beans destroyed), by expiry (its beans left to the node
 * whose release ends it, S9.6), or handed over to another node (its tab told to reconnect rather than to stop).
 * The first of these to come wins; the others find it ended.
 */
final class SessionEnding {

    private final Session session;
    /** Set once, under this object's monitor. */
    private volatile boolean ended;
    /** Set when the session moves to another node: its tab is told to reconnect rather than to stop. */
    private volatile String handOverReason;

    SessionEnding(Session session) {
        this.session = session;
    }

    boolean hasEnded() {
        return ended;
    }

    /** Ends the session: interrupts its run, closes its tab, and runs its beans' destruction callbacks. */
    void destroy() {
        SessionBeans beans = end();
        if (beans != null) {
            beans.destroy();
        }
    }

    /**
     * Its TTL ended on this node: ends it here and returns its beans undestroyed ({@code null}: none), for the node
     * that ends the session for good to destroy (S9.6).
     */
    SessionBeans expire() {
        return end();
    }

    /**
     * Ends the session on this node only: it goes on elsewhere (another node owns it, or this one is stopping), so
     * its tab is told to reconnect at once instead of to stop. Its beans are let go without their destruction
     * callbacks: the session has not ended, and the next node creates its own (S9.6).
     */
    void handOver(String reason) {
        handOverReason = reason;
        end();
    }

    private SessionBeans end() {
        synchronized (this) {
            if (ended) {
                return null;
            }
            ended = true;
        }
        for (RunRequest request : session.runner().stop()) {
            request.taskAbandoned(session.ended());
        }
        ClientConnection attached = session.tab().release();
        if (attached != null) {
            if (handOverReason != null) {
                attached.reconnect(handOverReason);
            } else {
                attached.close("The session has ended.");
            }
        }
        return session.resources().releaseKeepingBeans();
    }
}
