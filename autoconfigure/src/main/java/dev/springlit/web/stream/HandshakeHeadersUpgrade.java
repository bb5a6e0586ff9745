package dev.springlit.web.stream;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.RequestUpgradeStrategy;

/**
 * The container's upgrade, with the handshake's headers kept once and compactly. Spring copies every header into
 * each WebSocket session (a map of lists, kept while the tab is connected, and by its context after that) beside the
 * copy Tomcat keeps for the connection's life; a tab's context needs them once. So the headers go to the stream
 * handler as a {@link HandshakeHeaders} handshake attribute, and Spring's session gets none
 * ({@code getHandshakeHeaders()} is empty on this endpoint). The handshake's checks (version, origin, host,
 * protocols, the interceptors) ran before, on the real request, as before.
 */
public final class HandshakeHeadersUpgrade implements RequestUpgradeStrategy {

    /** The handshake attribute the headers travel in, until the connection opens. */
    static final String HEADERS = "springlit.handshakeHeaders";

    private final RequestUpgradeStrategy upgrade;

    /** Wraps the container's strategy, e.g. {@code new DefaultHandshakeHandler().getRequestUpgradeStrategy()}. */
    public HandshakeHeadersUpgrade(RequestUpgradeStrategy upgrade) {
        this.upgrade = upgrade;
    }

    @Override
    public String[] getSupportedVersions() {
        return upgrade.getSupportedVersions();
    }

    @Override
    public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
        return upgrade.getSupportedExtensions(request);
    }

    @Override
    public void upgrade(ServerHttpRequest request, ServerHttpResponse response, String selectedProtocol,
                        List<WebSocketExtension> selectedExtensions, Principal user, WebSocketHandler wsHandler,
                        Map<String, Object> attributes) throws HandshakeFailureException {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            upgrade.upgrade(request, response, selectedProtocol, selectedExtensions, user, wsHandler, attributes);
            return;
        }
        attributes.put(HEADERS, HandshakeHeaders.of(request.getHeaders()));
        upgrade.upgrade(new WithoutHeaders(servlet.getServletRequest()), response, selectedProtocol,
                selectedExtensions, user, wsHandler, attributes);
    }

    /** The same request, showing no headers to the session Spring builds from it. */
    private static final class WithoutHeaders extends ServletServerHttpRequest {

        WithoutHeaders(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpHeaders getHeaders() {
            return HttpHeaders.EMPTY;
        }
    }
}
