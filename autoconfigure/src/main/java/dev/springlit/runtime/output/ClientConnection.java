package dev.springlit.runtime.output;

/**
 * The browser tab a session is attached to, as the transport sees it. Implementations encode and send;
 * they never throw for a closed or slow peer (they close the connection instead), so a bad network
 * cannot break a run.
 */
public interface ClientConnection {

    /**
     * Encodes (renders) and sends one message. A session calls it from one thread at a time, in the order the
     * messages were posted, and with none of its locks held (see {@code Outbox}), so rendering may take its time.
     */
    void send(ServerMessage message);

    /**
     * Sends like {@link #send}, for a caller that waits for its messages to go out anyway (a run's end, a web
     * thread's answer to its own tab): a transport may write on this thread and let it wait for room in the socket,
     * instead of handing the write or its completion to another thread. Never called by a thread that sends for
     * many tabs (the flush thread), whose wait would hold the others up.
     */
    default void sendWaiting(ServerMessage message) {
        send(message);
    }

    /** Closes the connection, telling the peer why (a policy close: it should not reconnect blindly). */
    void close(String reason);

    /**
     * Closes the connection so that the peer reconnects at once (its session continues elsewhere, S9.7): the
     * WebSocket's 1001 "going away". Without a transport of its own for that, a plain close.
     */
    default void reconnect(String reason) {
        close(reason);
    }

    /**
     * Closes the connection so that the peer reconnects after its usual backoff (the server cannot serve it for a
     * moment): the WebSocket's 1013 "try again later". Without a transport of its own for that, a plain close.
     */
    default void retryLater(String reason) {
        close(reason);
    }
}
