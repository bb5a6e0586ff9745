// Over 300 lines: Spring calls this one WebSocketHandler for every event of every tab connection (open, text, binary, pong, error, close); each event is routed in a few lines to its own classes (OpenConnection, UnfinishedMessages, InboundRateLimit, the protocol codec, SessionOpening).
package dev.springlit.web.stream;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.support.LogText;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.session.RefusalWarnings;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.session.SessionOpening;
import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.runtime.identity.TabContext;
import dev.springlit.runtime.session.TabHello;
import dev.springlit.runtime.identity.TabIdentity;
import dev.springlit.web.protocol.BrowserReport;
import dev.springlit.web.protocol.ClientMessage.BadMessageException;
import dev.springlit.web.protocol.ClientMessage;
import dev.springlit.web.protocol.ProtocolCodec;

/**
 * The {@code /_springlit/stream} endpoint: attaches each tab to its session and hands its interactions to
 * the runtime. Bad input is answered with an {@code error} message and logged; it never reaches a session.
 * Partial frames are accepted so the container's per-connection buffers can stay small while messages up to
 * {@code streamlit.server.max-message-size} are still read; what connections hold of unfinished messages, how
 * many a client address may open and how long they may stay quiet is bounded (see {@link ConnectionLimits}).
 * Nothing here logs a session id (a tab's credential) or unescaped client text, and refusals are logged at most
 * once a second per connection.
 */
public final class StreamHandler extends AbstractWebSocketHandler implements AutoCloseable {

    private static final Log log = LogFactory.getLog(StreamHandler.class);
    /** The connection's one attribute: its {@link OpenConnection}, which holds everything else (one map entry). */
    private static final String OPEN = "springlit.open";

    private final SpringlitEngine engine;
    private final JsonMapper mapper;
    private final ProtocolCodec codec;
    private final int maxMessageSize;
    private final int sendTimeLimitMs;
    private final int backlogLimitBytes;
    private final int maxMessagesPerSecond;
    private final ConnectionLimits limits;
    private final UnfinishedMessages unfinished;
    private final ConnectionWatchdog watchdog;
    /**
     * Connections refused or closed for what they did, and hellos refused a session: each is one event of its own
     * connection, so they are aggregated across connections (a flood of them would otherwise flood the log).
     */
    private final RefusalWarnings connectionRefusals = new RefusalWarnings(log);
    private volatile String sessionCookieName = "JSESSIONID";

    public StreamHandler(SpringlitEngine engine, JsonMapper mapper, ProtocolCodec codec, int maxMessageSize,
                         int sendTimeLimitMs, int backlogLimitBytes, int maxMessagesPerSecond,
                         ConnectionLimits limits) {
        this.engine = engine;
        this.mapper = mapper;
        this.codec = codec;
        this.maxMessageSize = maxMessageSize;
        this.sendTimeLimitMs = sendTimeLimitMs;
        this.backlogLimitBytes = backlogLimitBytes;
        this.maxMessagesPerSecond = maxMessagesPerSecond;
        this.limits = limits;
        this.unfinished = new UnfinishedMessages(limits.maxUnfinishedMessagesSize());
        this.watchdog = new ConnectionWatchdog(limits, unfinished);
    }

    /** The servlet session cookie's name, which {@code st.context().cookies()} leaves out (a credential). */
    public void setSessionCookieName(String name) {
        if (name != null && !name.isBlank()) {
            this.sessionCookieName = name;
        }
    }

    /** WebSocket connections open now. */
    public int openConnections() {
        return watchdog.openCount();
    }

    /** Stops the connection checks (when the application stops). */
    @Override
    public void close() {
        watchdog.close();
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        WebSocketConnection connection = new WebSocketConnection(socket, codec, sendTimeLimitMs, backlogLimitBytes,
                engine.observer());
        connection.receiveInPartsOf(limits.receiveBufferChars());
        long now = System.nanoTime();
        OpenConnection open = new OpenConnection(socket, connection, new InboundRateLimit(maxMessagesPerSecond, now),
                clientAddress(socket), now);
        if (!watchdog.admit(open)) {
            connectionRefusals.warn("Springlit refused a WebSocket from " + LogText.clean(open.address) + ": it has "
                    + limits.maxConnectionsPerAddress() + " open (streamlit.server.max-connections-per-address)");
            engine.observer().messageRejected("too_many_connections");
            connection.close(CloseStatus.SERVICE_OVERLOAD.withReason("Too many connections from your address"));
            return;
        }
        open.context = HandshakeContext.of(socket, open.address, sessionCookieName);
        socket.getAttributes().put(OPEN, open);
    }

    private static OpenConnection open(WebSocketSession socket) {
        return (OpenConnection) socket.getAttributes().get(OPEN);
    }

    /** The session the connection's hello attached it to, or null. */
    private static Session session(WebSocketSession socket) {
        OpenConnection open = open(socket);
        return open == null ? null : open.session;
    }

    /** The address the handshake came from (Spring's forwarded-header handling, when configured, applies). */
    private static String clientAddress(WebSocketSession socket) {
        InetSocketAddress remote = socket.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        OpenConnection open = open(socket);
        if (open == null) {
            return; // refused at the door, closing
        }
        open.lastHeard = System.nanoTime();
        String text = assemble(socket, open, message);
        if (text == null || !admit(socket)) {
            return;
        }
        engine.observer().messageIn(text.length());
        try {
            dispatch(socket, ClientMessage.parse(mapper, text));
        } catch (BadMessageException e) {
            reply(socket, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Springlit could not handle a message from WebSocket " + socket.getId(), e);
            reply(socket, "server_error", "The server could not handle this message; the session is unchanged.");
        }
    }

    /**
     * Joins partial frames; an oversized message is dropped whole (nothing of it is kept past the limit) and
     * answered once with an error. Before hello the limit is {@code streamlit.server.max-hello-message-size}.
     * Sizes are counted in UTF-8 bytes, as {@code streamlit.server.max-message-size} is a data size. A fragment
     * that does not fit in {@code streamlit.server.max-unfinished-messages-size} closes the connection: the server
     * is holding too many unfinished messages, and this one would be the next to wait.
     */
    private String assemble(WebSocketSession socket, OpenConnection open, TextMessage message) {
        boolean attached = open.session != null;
        long limit = attached ? maxMessageSize : Math.min(maxMessageSize, limits.maxHelloMessageSize());
        OpenConnection.Added added = open.add(message.getPayload(), message.getPayloadLength(), message.isLast(),
                limit, unfinished, System.nanoTime());
        switch (added) {
            case COMPLETE -> {
                return open.takeComplete();
            }
            case OVERSIZED_END -> {
                if (admit(socket)) {
                    reply(socket, "too_large", attached || limit == maxMessageSize
                            ? "The message is larger than streamlit.server.max-message-size (" + maxMessageSize
                                    + " bytes) and was dropped."
                            : "Before hello a message may have at most " + limit + " bytes "
                                    + "(streamlit.server.max-hello-message-size); it was dropped.");
                }
            }
            case NO_ROOM -> {
                refuse(socket, "server_busy", "the server holds " + unfinished.held() + " bytes of unfinished "
                        + "messages (streamlit.server.max-unfinished-messages-size)");
                watchdog.forget(open);
                open.connection.close(CloseStatus.SERVICE_OVERLOAD.withReason("The server is busy; try again later"));
            }
            default -> {
                // KEPT, SKIPPED: more fragments follow; CLOSED: the connection is going away
            }
        }
        return null;
    }

    /** Logs (aggregated across connections) and counts a refusal that closes the connection. */
    private void refuse(WebSocketSession socket, String code, String why) {
        engine.observer().messageRejected(code);
        connectionRefusals.warn("Springlit closes WebSocket " + socket.getId() + ": " + why);
    }

    /** The refusal warnings of this connection: its session's once it has one, else its own. */
    private RefusalWarnings warnings(WebSocketSession socket) {
        Session session = session(socket);
        if (session != null) {
            return session.refusals();
        }
        OpenConnection open = open(socket);
        return open != null ? open.refusals() : connectionRefusals;
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
        OpenConnection open = open(socket);
        if (open == null) {
            return;
        }
        open.lastHeard = System.nanoTime();
        if (message.isLast() && admit(socket)) {
            reply(socket, "bad_message", "Binary frames are not part of the Springlit protocol.");
        }
    }

    /**
     * Applies {@code streamlit.server.max-messages-per-second} to a whole message: past the limit it is dropped
     * (the tab hears {@code rate_limited} once a second); a tab that keeps flooding is disconnected with 1008,
     * and its session is parked as after any disconnect, so a reconnect finds it.
     */
    private boolean admit(WebSocketSession socket) {
        OpenConnection open = open(socket);
        InboundRateLimit.Verdict verdict = open == null ? InboundRateLimit.Verdict.ACCEPT
                : open.rate.take(System.nanoTime());
        switch (verdict) {
            case ACCEPT -> {
                return true;
            }
            case REFUSE_AND_WARN -> reply(socket, "rate_limited", "More than " + maxMessagesPerSecond
                    + " messages a second (streamlit.server.max-messages-per-second); messages are dropped.");
            case REFUSE -> engine.observer().messageRejected("rate_limited");
            case DISCONNECT -> {
                log.warn("Springlit disconnects WebSocket " + socket.getId() + ": it kept sending more than "
                        + maxMessagesPerSecond + " messages a second");
                engine.observer().messageRejected("rate_limited");
                open.connection.close("Too many messages (streamlit.server.max-messages-per-second)");
            }
        }
        return false;
    }

    private void dispatch(WebSocketSession socket, ClientMessage message) {
        if (message instanceof ClientMessage.Hello hello) {
            hello(socket, hello);
            return;
        }
        if (message instanceof ClientMessage.BrowserContext report) {
            browserReport(socket, report);
            return;
        }
        Session session = session(socket);
        if (session == null || !session.isAlive()) {
            throw new BadMessageException("protocol", "Say hello first: no session is attached to this connection.");
        }
        if (message instanceof ClientMessage.Rerun rerun) {
            session.interact(rerun.widgets(), rerun.trigger(), rerun.seq());
        } else if (message instanceof ClientMessage.Stop) {
            session.stopRun();
        } else if (message instanceof ClientMessage.Navigate navigate) {
            PageDescriptor page = engine.pages().find(navigate.page())
                    .orElseThrow(() -> new BadMessageException("unknown_page", "There is no page at \"" + navigate.page() + "\"."));
            if (!engine.access().canOpen(page, session.user())) {
                throw new BadMessageException("forbidden", "You may not open " + page.path() + ".");
            }
            session.address().navigate(page, navigate.query());
        }
    }

    private void hello(WebSocketSession socket, ClientMessage.Hello hello) {
        OpenConnection open = open(socket);
        if (open.session != null) {
            throw new BadMessageException("protocol", "This connection already said hello.");
        }
        WebSocketConnection connection = open.connection;
        Optional<PageDescriptor> requested = engine.pages().find(hello.page());
        PageDescriptor page = requested.or(() -> engine.pages().home())
                .orElseThrow(() -> new BadMessageException("unknown_page", "This app has no pages."));
        if (!engine.access().canOpen(page, socket.getPrincipal())) {
            throw new BadMessageException("forbidden", "You may not open " + page.path() + ".");
        }
        String address = open.address;
        TabHello tab = new TabHello(hello.session(), page, hello.query(), hello.reclaim(), hello.widgets(),
                socket.getPrincipal(), address, hello.shown(), hello.adopt());
        SessionOpening.Outcome outcome = engine.opening().open(tab, connection, session -> {
            identify(socket, open, session);
            open.session = session;
            open.attached = true;
        });
        if (outcome instanceof SessionOpening.StoreUnavailable unavailable) {
            connection.send(new ServerMessage.Error("store_unavailable", unavailable.message()));
            connection.retryLater("session store unavailable");
            return;
        }
        if (outcome instanceof SessionOpening.Opened && socket.getAttributes().remove(HandshakeCapture.LOGIN_FAILURE)
                instanceof String failure) {
            connection.send(new ServerMessage.Error("login_failed", failure)); // shown as a notice (S12.3)
        }
        if (outcome instanceof SessionOpening.Refused refused) {
            if (refused.addressFull()) {
                engine.observer().messageRejected("busy");
                connectionRefusals.warn("Springlit refused a new session to " + LogText.clean(address) + ": it holds "
                        + engine.sessions().countFrom(address) + " (streamlit.server.max-sessions-per-address)");
            }
            connection.send(new ServerMessage.Busy(refused.message()));
            connection.close("server busy");
        }
    }

    /** Hands the connection's context and logout token to the session it attaches to, before any run. */
    private static void identify(WebSocketSession socket, OpenConnection open, Session session) {
        TabContext context = open.context;
        if (context != null) {
            session.identity().setContext(context);
        }
        session.identity().setLogoutToken((TabIdentity.FormToken) socket.getAttributes().remove(HandshakeCapture.LOGOUT_TOKEN));
    }

    /**
     * The browser's languages, time zone and theme: kept for the hello to come, or given to the session, which
     * reruns when they changed so its page shows them (as Streamlit reruns on a theme change).
     */
    private void browserReport(WebSocketSession socket, ClientMessage.BrowserContext report) {
        OpenConnection open = open(socket);
        Session session = open.session;
        if (session == null) {
            if (open.context != null) {
                open.context = BrowserReport.apply(open.context, report, warnings(socket));
            }
            return;
        }
        TabContext before = session.identity().context();
        TabContext after = BrowserReport.apply(before, report, session.refusals());
        open.context = after;
        if (!after.equals(before)) {
            session.identity().setContext(after);
            session.interact(Map.of(), null);
        }
    }

    private void reply(WebSocketSession socket, String code, String message) {
        Session session = session(socket);
        warnings(socket).warn("Springlit refused a message from WebSocket " + socket.getId()
                + (session != null ? " (session " + session.tag() + ")" : "") + " (" + code + "): "
                + LogText.clean(message));
        engine.observer().messageRejected(code);
        OpenConnection open = open(socket);
        if (open != null) {
            open.connection.send(new ServerMessage.Error(code, message));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.debug("WebSocket " + socket.getId() + " transport error", exception);
    }

    /** A pong answers our ping: the tab is there. */
    @Override
    protected void handlePongMessage(WebSocketSession socket, PongMessage message) {
        OpenConnection open = open(socket);
        if (open != null) {
            open.lastHeard = System.nanoTime();
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        OpenConnection open = (OpenConnection) socket.getAttributes().remove(OPEN);
        if (open == null) {
            return; // refused at the door
        }
        watchdog.forget(open); // gives back what its unfinished message held
        Session session = open.session;
        open.session = null;
        if (session != null && session.identity().hasLoggedOut()) {
            engine.sessions().remove(session); // st.logout(): the tab has gone to log out, its state goes with it
        } else if (session != null) {
            session.detach(open.connection);
        }
    }

}
