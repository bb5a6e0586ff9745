package dev.springlit.web;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.runtime.PageDescriptor;
import dev.springlit.runtime.ServerMessage;
import dev.springlit.runtime.Session;
import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.web.ClientMessage.BadMessageException;

/**
 * The {@code /_springlit/stream} endpoint: attaches each tab to its session and hands its interactions to
 * the runtime. Bad input is answered with an {@code error} message and logged; it never reaches a session.
 * Partial frames are accepted so the container's per-connection buffers can stay small while messages up to
 * {@code streamlit.server.max-message-size} are still read.
 */
public final class StreamHandler extends AbstractWebSocketHandler {

    private static final Log log = LogFactory.getLog(StreamHandler.class);
    private static final String SESSION = "springlit.session";
    private static final String CONNECTION = "springlit.connection";
    private static final String PARTIAL = "springlit.partial";
    private static final String OVERSIZED = "springlit.oversized";
    private static final String PARTIAL_BYTES = "springlit.partialBytes";
    private static final String RATE = "springlit.rate";

    private final SpringlitEngine engine;
    private final JsonMapper mapper;
    private final ProtocolCodec codec;
    private final int maxMessageSize;
    private final int sendTimeLimitMs;
    private final int backlogLimitBytes;
    private final int maxMessagesPerSecond;

    public StreamHandler(SpringlitEngine engine, JsonMapper mapper, ProtocolCodec codec, int maxMessageSize,
                         int sendTimeLimitMs, int backlogLimitBytes, int maxMessagesPerSecond) {
        this.engine = engine;
        this.mapper = mapper;
        this.codec = codec;
        this.maxMessageSize = maxMessageSize;
        this.sendTimeLimitMs = sendTimeLimitMs;
        this.backlogLimitBytes = backlogLimitBytes;
        this.maxMessagesPerSecond = maxMessagesPerSecond;
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        socket.getAttributes().put(CONNECTION, new WebSocketConnection(socket, codec, sendTimeLimitMs, backlogLimitBytes,
                engine.observer()));
        socket.getAttributes().put(RATE, new InboundRateLimit(maxMessagesPerSecond, System.nanoTime()));
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        if (message.isLast() && !admit(socket)) {
            socket.getAttributes().keySet().removeAll(java.util.List.of(PARTIAL, PARTIAL_BYTES, OVERSIZED));
            return;
        }
        String text = assemble(socket, message);
        if (text == null) {
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
     * Joins partial frames; an oversized message is dropped whole and answered once with an error. Sizes are
     * counted in UTF-8 bytes, as {@code streamlit.server.max-message-size} is a data size.
     */
    private String assemble(WebSocketSession socket, TextMessage message) {
        var attributes = socket.getAttributes();
        StringBuilder partial = (StringBuilder) attributes.get(PARTIAL);
        boolean oversized = attributes.containsKey(OVERSIZED);
        long earlier = partial == null ? 0 : (Long) attributes.getOrDefault(PARTIAL_BYTES, 0L);
        long size = earlier + message.getPayloadLength();
        if (!oversized && size > maxMessageSize) {
            oversized = true;
            attributes.put(OVERSIZED, Boolean.TRUE);
            attributes.remove(PARTIAL);
            partial = null;
        }
        if (!message.isLast()) {
            if (!oversized) {
                if (partial == null) {
                    partial = new StringBuilder((int) Math.min(size * 2, maxMessageSize));
                    attributes.put(PARTIAL, partial);
                }
                partial.append(message.getPayload());
                attributes.put(PARTIAL_BYTES, size);
            }
            return null;
        }
        attributes.remove(PARTIAL);
        attributes.remove(PARTIAL_BYTES);
        if (oversized) {
            attributes.remove(OVERSIZED);
            reply(socket, "too_large", "The message is larger than streamlit.server.max-message-size ("
                    + maxMessageSize + " bytes) and was dropped.");
            return null;
        }
        return partial == null ? message.getPayload() : partial.append(message.getPayload()).toString();
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
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
        InboundRateLimit limit = (InboundRateLimit) socket.getAttributes().get(RATE);
        InboundRateLimit.Verdict verdict = limit == null ? InboundRateLimit.Verdict.ACCEPT : limit.take(System.nanoTime());
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
                WebSocketConnection connection = (WebSocketConnection) socket.getAttributes().get(CONNECTION);
                if (connection != null) {
                    connection.close("Too many messages (streamlit.server.max-messages-per-second)");
                }
            }
        }
        return false;
    }

    private void dispatch(WebSocketSession socket, ClientMessage message) {
        if (message instanceof ClientMessage.Hello hello) {
            hello(socket, hello);
            return;
        }
        Session session = (Session) socket.getAttributes().get(SESSION);
        if (session == null || !session.isAlive()) {
            throw new BadMessageException("protocol", "Say hello first: no session is attached to this connection.");
        }
        if (message instanceof ClientMessage.Rerun rerun) {
            session.interact(rerun.widgets(), rerun.trigger());
        } else if (message instanceof ClientMessage.Navigate navigate) {
            PageDescriptor page = engine.pages().find(navigate.page())
                    .orElseThrow(() -> new BadMessageException("unknown_page", "There is no page at \"" + navigate.page() + "\"."));
            if (!engine.access().canOpen(page, session.user())) {
                throw new BadMessageException("forbidden", "You may not open " + page.path() + ".");
            }
            session.navigate(page, navigate.query());
        }
    }

    private void hello(WebSocketSession socket, ClientMessage.Hello hello) {
        if (socket.getAttributes().containsKey(SESSION)) {
            throw new BadMessageException("protocol", "This connection already said hello.");
        }
        WebSocketConnection connection = (WebSocketConnection) socket.getAttributes().get(CONNECTION);
        Optional<PageDescriptor> requested = engine.pages().find(hello.page());
        PageDescriptor page = requested.or(() -> engine.pages().home())
                .orElseThrow(() -> new BadMessageException("unknown_page", "This app has no pages."));
        if (!engine.access().canOpen(page, socket.getPrincipal())) {
            throw new BadMessageException("forbidden", "You may not open " + page.path() + ".");
        }
        Optional<Session> existing = engine.sessions().find(hello.session())
                .filter(s -> hello.reclaim() || !s.isConnected());
        if (existing.isPresent()) {
            Session session = existing.get();
            if (session.user() != null && !sameUser(session.user(), socket.getPrincipal())) {
                existing = Optional.empty(); // another user's session is never handed over
            }
        }
        if (existing.isPresent()) {
            Session session = existing.get();
            session.setUser(socket.getPrincipal());
            socket.getAttributes().put(SESSION, session);
            session.setQuery(hello.query());
            session.attach(connection, false);
            if (!session.page().path().equals(page.path())) {
                session.navigate(page);
            }
            return;
        }
        Optional<Session> created = engine.sessions().create(page);
        if (created.isEmpty()) {
            connection.send(new ServerMessage.Busy("The server has too many open sessions right now. Try again in a "
                    + "few minutes."));
            connection.close("server busy");
            return;
        }
        socket.getAttributes().put(SESSION, created.get());
        created.get().setUser(socket.getPrincipal());
        created.get().setQuery(hello.query());
        if (hello.session() != null) {
            // the tab had a session this server no longer knows: take its widgets' values back (S1.5)
            created.get().restoreWidgetValues(hello.widgets());
        }
        created.get().attach(connection, true);
    }

    private static boolean sameUser(java.security.Principal a, java.security.Principal b) {
        return b != null && a.getName().equals(b.getName());
    }

    private void reply(WebSocketSession socket, String code, String message) {
        log.warn("Springlit refused a message from WebSocket " + socket.getId() + " (" + code + "): " + message);
        engine.observer().messageRejected(code);
        WebSocketConnection connection = (WebSocketConnection) socket.getAttributes().get(CONNECTION);
        if (connection != null) {
            connection.send(new ServerMessage.Error(code, message));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.debug("WebSocket " + socket.getId() + " transport error", exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        Session session = (Session) socket.getAttributes().remove(SESSION);
        WebSocketConnection connection = (WebSocketConnection) socket.getAttributes().get(CONNECTION);
        if (session != null && connection != null) {
            session.detach(connection);
        }
    }

}
