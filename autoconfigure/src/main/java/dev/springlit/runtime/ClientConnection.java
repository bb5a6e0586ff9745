package dev.springlit.runtime;

/**
 * The browser tab a session is attached to, as the transport sees it. Implementations encode and send;
 * they never throw for a closed or slow peer (they close the connection instead), so a bad network
 * cannot break a run.
 */
public interface ClientConnection {

    /** Sends one message; called with the session's send lock held, so messages keep their order. */
    void send(ServerMessage message);

    /** Closes the connection, telling the peer why (a policy close: it should not reconnect blindly). */
    void close(String reason);
}
