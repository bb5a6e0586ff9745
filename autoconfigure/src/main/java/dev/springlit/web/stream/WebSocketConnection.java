// Over 300 lines: one connection's whole send path (queue, asynchronous pump, direct write, backlog, close after the queue, ping), whose states change under one monitor.
package dev.springlit.web.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.run.RunObserver;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.web.protocol.ProtocolCodec;

import jakarta.websocket.Session;

/**
 * A tab's WebSocket as the runtime sees it. A send never blocks the caller (a run, or the flusher that streams
 * every session's output): messages are queued and written one at a time with the container's asynchronous
 * send. A tab that stops reading is disconnected as soon as its queue passes
 * {@code streamlit.server.max-outbound-backlog}, or when one write takes longer than
 * {@code streamlit.server.send-time-limit}; its session is parked as after any disconnect.
 * <p>
 * One exception saves a thread wake-up per click: a small message sent by a thread that waits for it anyway
 * ({@link #sendWaiting}: a run's end, an answer on the tab's own web thread) while nothing else is being written is
 * written on that thread with the container's blocking send. Tomcat hands every asynchronous send's completion to
 * one of its threads, even when the write finished at once; a blocking send that finds room in the socket finishes
 * on the caller. If the socket has no room, that caller waits as the write would, at most the send time limit,
 * while other threads' messages queue behind it under the same backlog limit. So that tabs which stopped reading
 * cannot hold many threads this way, only a few threads across all tabs may be in a direct write at once
 * ({@link DirectWrites}; the others send asynchronously), and a tab whose direct write had to wait for room is
 * never written to directly again.
 * <p>
 * Where the socket is not a standard (JSR 356) one, sends go through Spring's concurrent decorator instead.
 */
final class WebSocketConnection implements ClientConnection {

    private static final Log log = LogFactory.getLog(WebSocketConnection.class);

    /** Tomcat's per-session limit on a blocking send, which a close waits for while a write is stuck. */
    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    /** Tomcat's per-session wait for the client's answer to a close frame before the TCP connection is closed. */
    private static final String SESSION_CLOSE_TIMEOUT = "org.apache.tomcat.websocket.SESSION_CLOSE_TIMEOUT";
    /** How long a closed connection may wait for the client's close frame (checked by Tomcat every few seconds). */
    private static final long CLOSE_ANSWER_WAIT_MS = 1_000;
    /** How long a requested close waits for the message being written (so "server busy" still arrives). */
    private static final long CLOSE_WAIT_MS = 1_000;
    /**
     * The longest message written on the sending thread ({@link #sendWaiting}): well under the smallest send buffer
     * of a TCP socket (Linux starts at 16 KB), so an idle tab's socket always has room for it.
     */
    private static final int DIRECT_WRITE_MAX_CHARS = 4_096;
    /**
     * A direct write that took longer waited for room in the socket (the tab reads slowly or not at all): far more
     * than a thread descheduled on a loaded machine, so a tab that reads is not taken for a slow one.
     */
    private static final long SLOW_DIRECT_WRITE_NANOS = 200_000_000;
    /** Bounds the threads all tabs' direct writes may hold at once (tabs that stopped reading), in this JVM. */
    private static final DirectWrites DIRECT_WRITES = DirectWrites.forThisMachine();
    /** How long a ping may wait for room in the socket's buffer (it holds up the connection checks meanwhile). */
    private static final long PING_WAIT_MS = 1_000;

    private final WebSocketSession socket;
    private final ProtocolCodec codec;
    private final RunObserver observer;
    private final int backlogLimitBytes;
    private final long sendTimeLimitMs;
    /** The standard session whose asynchronous sends we use, or null to send through {@link #decorated}. */
    private final Session standard;
    private final WebSocketSession decorated;

    // Guarded by this.
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queuedChars;
    private boolean writing;
    /** False once the connection is closing: later messages are dropped. */
    private boolean accepting = true;
    /** True once what is queued is dropped too (the tab fell behind, or a write failed). */
    private boolean abandoned;
    /** A close asked for while a write was in progress: done once the queue is written. */
    private CloseStatus closeAfterDrain;
    /** False once a direct write had to wait for room: from then on every message is sent asynchronously. */
    private boolean mayWriteDirectly = true;

    WebSocketConnection(WebSocketSession socket, ProtocolCodec codec, int sendTimeLimitMs, int backlogLimitBytes,
                        RunObserver observer) {
        this.socket = socket;
        this.observer = observer;
        this.codec = codec;
        this.backlogLimitBytes = backlogLimitBytes;
        this.sendTimeLimitMs = sendTimeLimitMs > 0 ? sendTimeLimitMs : -1; // Tomcat's "no limit" for blocking sends
        this.standard = socket instanceof NativeWebSocketSession nativeSession
                ? nativeSession.getNativeSession(Session.class) : null;
        if (standard != null) {
            // how long a tab may stay silent is silent-connection-timeout's business (ConnectionWatchdog), on every
            // container: Jetty would otherwise close a WebSocket after 30 s without traffic (Tomcat never does)
            standard.setMaxIdleTimeout(0);
            standard.getAsyncRemote().setSendTimeout(sendTimeLimitMs);
            this.decorated = null;
        } else {
            this.decorated = new ConcurrentWebSocketSessionDecorator(socket, sendTimeLimitMs, backlogLimitBytes,
                    ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        }
    }

    /**
     * Has the container decode this connection's incoming text messages {@code chars} characters at a time (the
     * stream joins the parts): Tomcat keeps a text buffer of that size per connection, allocated again at the next
     * message, whatever size the container's buffers have. No-op for 0 or less, or where the socket is not standard.
     */
    void receiveInPartsOf(int chars) {
        if (standard != null && chars > 0) {
            standard.setMaxTextMessageBufferSize(chars);
        }
    }

    @Override
    public void send(ServerMessage message) {
        send(message, false);
    }

    @Override
    public void sendWaiting(ServerMessage message) {
        send(message, true);
    }

    private void send(ServerMessage message, boolean mayWait) {
        if (!socket.isOpen()) {
            return;
        }
        String text;
        try {
            text = codec.encode(message);
            if (standard == null) {
                decorated.sendMessage(new TextMessage(text));
                observer.messageOut(text.length());
                return;
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not send to WebSocket " + socket.getId() + "; closing it", e);
            closeQuietly(CloseStatus.SESSION_NOT_RELIABLE, CLOSE_WAIT_MS);
            return;
        }
        boolean overflow = false;
        boolean direct = false;
        synchronized (this) {
            if (!accepting) {
                return;
            }
            if (mayWait && !writing && mayWriteDirectly && text.length() <= DIRECT_WRITE_MAX_CHARS
                    && DIRECT_WRITES.tryStart()) {
                writing = true; // nothing is queued while nothing is written: this message is next
                direct = true;
            } else if (writing && queuedChars + text.length() > backlogLimitBytes) {
                overflow = true;
                abandon();
            } else {
                queue.addLast(text);
                queuedChars += text.length();
                if (writing) {
                    return;
                }
                writing = true;
            }
        }
        if (overflow) {
            log.warn("Springlit disconnects WebSocket " + socket.getId() + ": it fell behind by more than "
                    + backlogLimitBytes + " bytes (streamlit.server.max-outbound-backlog)");
            // Waits for nothing: the write in progress may never finish.
            closeQuietly(CloseStatus.SESSION_NOT_RELIABLE.withReason("The tab fell too far behind"), 1);
            return;
        }
        if (direct && !writeHere(text)) {
            return;
        }
        pump();
    }

    /**
     * Writes {@code text} on this thread, waiting at most the send time limit for room, and gives back its
     * {@link DirectWrites} slot; false if it failed.
     */
    private boolean writeHere(String text) {
        long start = System.nanoTime();
        try {
            standard.getUserProperties().put(BLOCKING_SEND_TIMEOUT, sendTimeLimitMs);
            standard.getBasicRemote().sendText(text);
        } catch (IOException | RuntimeException e) {
            failed(e);
            return false;
        } finally {
            DIRECT_WRITES.end();
        }
        if (System.nanoTime() - start > SLOW_DIRECT_WRITE_NANOS) {
            synchronized (this) {
                mayWriteDirectly = false;
            }
        }
        observer.messageOut(text.length());
        return true;
    }

    /**
     * Writes the queued messages one at a time. When a write finishes within {@code sendText} this loop goes
     * on; when it finishes later, its completion handler goes on, so the stack never grows with the queue.
     */
    private void pump() {
        while (true) {
            String text;
            CloseStatus closeNow = null;
            synchronized (this) {
                text = abandoned ? null : queue.pollFirst();
                if (text == null) {
                    writing = false;
                    closeNow = closeAfterDrain;
                    closeAfterDrain = null;
                } else {
                    queuedChars -= text.length();
                }
            }
            if (text == null) {
                if (closeNow != null) {
                    closeQuietly(closeNow, CLOSE_WAIT_MS);
                }
                return;
            }
            AtomicBoolean oneSideDone = new AtomicBoolean();
            AtomicBoolean answered = new AtomicBoolean();
            try {
                standard.getAsyncRemote().sendText(text, result -> {
                    if (!answered.compareAndSet(false, true)) {
                        return; // a container closing the socket may report a write twice
                    }
                    if (!result.isOK()) {
                        // lost or too slow (send-time-limit): Tomcat then closes the socket without telling the
                        // handler, and the session would stay attached to a dead connection, never parked
                        failed(result.getException());
                        return;
                    }
                    observer.messageOut(text.length());
                    if (!oneSideDone.compareAndSet(false, true)) {
                        pump();
                    }
                });
            } catch (IllegalStateException e) {
                // the container has closed the socket already: afterConnectionClosed follows
                log.debug("WebSocket " + socket.getId() + " is closed; dropping what it was sent", e);
                dropAll();
                return;
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            if (oneSideDone.compareAndSet(false, true)) {
                return; // the completion handler will go on
            }
        }
    }

    private void failed(Throwable why) {
        dropAll();
        log.debug("Could not send to WebSocket " + socket.getId() + "; closing it", why);
        closeQuietly(CloseStatus.SESSION_NOT_RELIABLE, CLOSE_WAIT_MS);
    }

    /** Stops sending for good, dropping what is queued. */
    private synchronized void dropAll() {
        abandon();
    }

    private void abandon() {
        accepting = false;
        abandoned = true;
        queue.clear();
        queuedChars = 0;
    }

    /** Closes after what is already queued (an error saying why, say) has been written. */
    @Override
    public void close(String reason) {
        close(CloseStatus.POLICY_VIOLATION.withReason(reason.length() > 120 ? reason.substring(0, 120) : reason));
    }

    /** Closes with 1001 "going away" after what is queued: the tab reconnects at once (S9.7). */
    @Override
    public void reconnect(String reason) {
        close(CloseStatus.GOING_AWAY.withReason(reason.length() > 120 ? reason.substring(0, 120) : reason));
    }

    /** Closes with 1013 "try again later" after what is queued: the tab reconnects after its backoff. */
    @Override
    public void retryLater(String reason) {
        close(CloseStatus.SERVICE_OVERLOAD.withReason(reason.length() > 120 ? reason.substring(0, 120) : reason));
    }

    /** Closes with this status after what is already queued has been written. */
    void close(CloseStatus status) {
        synchronized (this) {
            accepting = false;
            if (writing && !abandoned) {
                closeAfterDrain = status;
                return;
            }
        }
        closeQuietly(status, CLOSE_WAIT_MS);
    }

    /**
     * Pings the tab (browsers answer with a pong by themselves), so a connection that is still there is heard
     * from even when its tab sends nothing. Skipped while a message is being written: the ping would have to wait
     * for it, and a write that never ends is the send time limit's business.
     */
    void ping() {
        synchronized (this) {
            if (writing || !accepting) {
                return;
            }
            writing = true; // sends arriving meanwhile are queued, and written by pump() below
        }
        try {
            if (standard != null) {
                standard.getUserProperties().put(BLOCKING_SEND_TIMEOUT, PING_WAIT_MS);
                standard.getBasicRemote().sendPing(ByteBuffer.allocate(0));
            } else {
                decorated.sendMessage(new PingMessage());
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
            return;
        }
        pump();
    }

    /** Closes the socket, waiting at most {@code waitMs} for a write in progress (on Tomcat). */
    private void closeQuietly(CloseStatus status, long waitMs) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            if (standard != null) {
                standard.getUserProperties().put(BLOCKING_SEND_TIMEOUT, waitMs);
                // a client that never answers our close frame must not keep its TCP connection for Tomcat's 30 s
                standard.getUserProperties().put(SESSION_CLOSE_TIMEOUT, CLOSE_ANSWER_WAIT_MS);
            }
            (decorated != null ? decorated : socket).close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing WebSocket " + socket.getId() + " failed", e);
        }
    }
}
