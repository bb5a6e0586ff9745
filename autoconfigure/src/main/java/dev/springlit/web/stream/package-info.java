/**
 * The WebSocket stream a tab talks over: {@code StreamHandler} assembles, rate-limits and parses each connection's
 * messages (through {@code web.protocol}) and calls the runtime; {@code WebSocketConnection} is the runtime's
 * {@code ClientConnection} for a tab; the bounds on unfinished messages, connections per address and silent
 * connections ({@code UnfinishedMessages}, {@code ConnectionLimits}, {@code ConnectionWatchdog}); what a tab's
 * handshake says about it ({@code HandshakeContext}, {@code HandshakeCapture}; its headers kept once, compactly, by
 * {@code HandshakeHeadersUpgrade} and {@code HandshakeHeaders}) feeds {@code st.context()}. Below it:
 * {@code web.protocol} (messages), {@code web.render} (HTML) and {@code web.http} (routes, endpoints, guards). Public
 * types exist for the auto-configuration to wire them, not for applications (the ArchUnit test pins who may use
 * them).
 * <p>
 * Threading: the container's threads deliver each connection's frames one at a time; a connection's sends come
 * from the session's outbox, one thread at a time and outside the runtime's locks, and never block (they are
 * queued and written with the container's asynchronous send). The watchdog thread ({@code springlit-connections})
 * only decides, without taking a connection's lock; its closes and pings run on {@code ConnectionClosers}' few
 * threads ({@code springlit-connections-close-*}).
 */
package dev.springlit.web.stream;
