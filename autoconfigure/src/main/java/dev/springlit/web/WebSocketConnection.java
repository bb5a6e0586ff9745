package dev.springlit.web;

import java.io.IOException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import dev.springlit.runtime.ClientConnection;
import dev.springlit.runtime.RunObserver;
import dev.springlit.runtime.ServerMessage;

/**
 * A tab's WebSocket as the runtime sees it. Sends go through Spring's concurrent decorator: a tab that stops
 * reading is disconnected once its backlog passes the limit, instead of blocking runs or filling the heap.
 */
final class WebSocketConnection implements ClientConnection {

    private static final Log log = LogFactory.getLog(WebSocketConnection.class);

    private final WebSocketSession socket;
    private final ProtocolCodec codec;
    private final RunObserver observer;

    WebSocketConnection(WebSocketSession socket, ProtocolCodec codec, int sendTimeLimitMs, int backlogLimitBytes,
                        RunObserver observer) {
        this.observer = observer;
        this.socket = new ConcurrentWebSocketSessionDecorator(socket, sendTimeLimitMs, backlogLimitBytes,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        this.codec = codec;
    }

    @Override
    public void send(ServerMessage message) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            String text = codec.encode(message);
            socket.sendMessage(new TextMessage(text));
            observer.messageOut(text.length());
        } catch (IOException | RuntimeException e) {
            log.debug("Could not send to WebSocket " + socket.getId() + "; closing it", e);
            closeQuietly(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    @Override
    public void close(String reason) {
        closeQuietly(CloseStatus.POLICY_VIOLATION.withReason(reason.length() > 120 ? reason.substring(0, 120) : reason));
    }

    private void closeQuietly(CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing WebSocket " + socket.getId() + " failed", e);
        }
    }
}
