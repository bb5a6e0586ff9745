package dev.springlit.web.stream;

import java.time.Duration;

/**
 * What a WebSocket connection may hold and how long it may stay quiet (the {@code streamlit.server.*} limits of
 * the stream endpoint), so that connections which never become a tab, or tabs that vanished without a close,
 * cannot pile up until the heap or the container's connection limit is exhausted.
 *
 * @param helloTimeout              how long a new connection has to say {@code hello}
 * @param maxHelloMessageSize       the largest message (in UTF-8 bytes) a connection may send before its hello
 * @param messageCompletionTimeout  how long a message sent in several frames may take to finish
 * @param maxUnfinishedMessagesSize the most bytes of unfinished messages held across all connections (those
 *                                  without a session may use half of it)
 * @param maxConnectionsPerAddress  the most open connections per client address; 0 or less: no limit
 * @param silentConnectionTimeout   how long a tab's connection may stay silent, pongs included, before it is
 *                                  closed; pings are sent after a third of it
 * @param receiveBufferChars        the characters of an incoming message the container decodes before it hands
 *                                  the stream a part (each connection keeps a buffer of that size); 0 or less: the
 *                                  container's size
 */
public record ConnectionLimits(Duration helloTimeout, long maxHelloMessageSize, Duration messageCompletionTimeout,
                               long maxUnfinishedMessagesSize, int maxConnectionsPerAddress,
                               Duration silentConnectionTimeout, int receiveBufferChars) {
}
