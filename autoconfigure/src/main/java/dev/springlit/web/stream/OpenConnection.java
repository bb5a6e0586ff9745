package dev.springlit.web.stream;

import org.apache.commons.logging.LogFactory;
import org.springframework.web.socket.WebSocketSession;

import dev.springlit.runtime.identity.TabContext;
import dev.springlit.runtime.session.RefusalWarnings;
import dev.springlit.runtime.session.Session;

/**
 * What the stream endpoint knows about one open WebSocket, kept as the socket's only attribute (each attribute is
 * a map entry every idle tab pays for): where it comes from, its rate limit and context, the session its
 * {@code hello} attached it to, when it was last heard from, and the unfinished message it is sending, if any. Tomcat hands a
 * connection's frames to the handler one at a time; the {@link ConnectionWatchdog} reads the times from its own
 * thread, and the unfinished message is guarded by this object, because the watchdog may drop it on a close.
 */
final class OpenConnection {

    final WebSocketSession socket;
    final WebSocketConnection connection;
    /** {@code streamlit.server.max-messages-per-second} for this connection. */
    final InboundRateLimit rate;
    /** The client address: the handshake request's remote address (after any forwarded-header handling). */
    final String address;
    final long openedAt;
    /** The tab's context: the handshake's, plus what its browser reported (set on the connection's thread). */
    volatile TabContext context;
    /** The session its hello attached it to, or null (set and read on the connection's thread). */
    volatile Session session;
    /** Refusals before the connection has a session (afterwards the session's own): made at the first one. */
    private RefusalWarnings refusals;
    volatile boolean attached;
    volatile long lastHeard;
    volatile long lastPing;
    /** When the unfinished message began (System.nanoTime), or 0 when there is none. */
    volatile long unfinishedSince;
    /** Set by the {@link ConnectionWatchdog} when it hands the connection to its closers: it is not checked again. */
    volatile boolean closing;

    // Guarded by this.
    private StringBuilder unfinished;
    private long unfinishedBytes;
    /** True while the rest of an oversized message is skipped. */
    private boolean oversized;
    private boolean closed;
    private String complete;

    OpenConnection(WebSocketSession socket, WebSocketConnection connection, InboundRateLimit rate, String address,
                   long now) {
        this.socket = socket;
        this.connection = connection;
        this.rate = rate;
        this.address = address;
        this.openedAt = now;
        this.lastHeard = now;
        this.lastPing = now;
    }

    /** The warnings about this connection's refused messages before it has a session. */
    synchronized RefusalWarnings refusals() {
        if (refusals == null) {
            refusals = new RefusalWarnings(LogFactory.getLog(StreamHandler.class));
        }
        return refusals;
    }

    /** What {@link #add} did with a fragment. */
    enum Added {
        /** It was kept; the message is not complete yet. */
        KEPT,
        /** The message is complete: {@link #takeComplete()} returns it. */
        COMPLETE,
        /** The message is over the size limit: its fragments are skipped until its last one. */
        SKIPPED,
        /** The last fragment of a message over the limit arrived: the tab is to be told. */
        OVERSIZED_END,
        /** The fragment does not fit in the total for unfinished messages: the connection is to be closed. */
        NO_ROOM,
        /** The connection was closed meanwhile: drop the fragment. */
        CLOSED
    }

    /**
     * Takes a fragment ({@code bytes} UTF-8 bytes) of the message being received.
     *
     * @param limit the largest message this connection may send now
     */
    synchronized Added add(String payload, long bytes, boolean last, long limit, UnfinishedMessages budget,
                           long now) {
        if (closed) {
            return Added.CLOSED;
        }
        long size = unfinishedBytes + bytes;
        if (!oversized && size > limit) {
            long since = unfinishedSince != 0 ? unfinishedSince : now;
            dropUnfinished(budget);
            oversized = true;
            // nothing of it is kept, but it must still end within message-completion-timeout: a connection that
            // starts an oversized message and never ends it would otherwise stay until the silent timeout, its
            // fragments and pongs postponing even that
            unfinishedSince = since;
        }
        if (oversized) {
            if (last) {
                oversized = false;
                unfinishedSince = 0;
                return Added.OVERSIZED_END;
            }
            return Added.SKIPPED;
        }
        if (last) {
            complete = unfinished == null ? payload : unfinished.append(payload).toString();
            dropUnfinished(budget);
            return Added.COMPLETE;
        }
        if (!budget.reserve(bytes, attached)) {
            dropUnfinished(budget);
            return Added.NO_ROOM;
        }
        if (unfinished == null) {
            unfinished = new StringBuilder((int) Math.min(limit, bytes * 2));
            unfinishedSince = now;
        }
        unfinished.append(payload);
        unfinishedBytes = size;
        return Added.KEPT;
    }

    /** The message {@link #add} completed. */
    synchronized String takeComplete() {
        String text = complete;
        complete = null;
        return text;
    }

    /** Bytes of the unfinished message held now. */
    synchronized long unfinishedBytes() {
        return unfinishedBytes;
    }

    /** Forgets the unfinished message for good and gives its bytes back: the connection is closing or closed. */
    synchronized void close(UnfinishedMessages budget) {
        closed = true;
        complete = null;
        dropUnfinished(budget);
    }

    private void dropUnfinished(UnfinishedMessages budget) {
        if (unfinished != null) {
            budget.release(unfinishedBytes);
        }
        unfinished = null;
        unfinishedBytes = 0;
        unfinishedSince = 0;
    }
}
