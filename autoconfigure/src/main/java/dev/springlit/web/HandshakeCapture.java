package dev.springlit.web;

import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import dev.springlit.runtime.TabIdentity.FormToken;

/**
 * Keeps what only the handshake's HTTP request knows for the tab's later {@code st.logout()}: the CSRF token its
 * logout form must carry (read by the app's security, when it has CSRF protection). Headers, cookies, URL and
 * address stay readable on the WebSocket session itself (see {@link HandshakeContext}).
 */
public final class HandshakeCapture implements HandshakeInterceptor {

    static final String LOGOUT_TOKEN = "springlit.logoutToken";

    private final Function<HttpServletRequest, FormToken> logoutToken;

    /** {@code logoutToken} reads the request's CSRF token (null when there is none). */
    public HandshakeCapture(Function<HttpServletRequest, FormToken> logoutToken) {
        this.logoutToken = logoutToken;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet) {
            FormToken token = logoutToken.apply(servlet.getServletRequest());
            if (token != null) {
                attributes.put(LOGOUT_TOKEN, token);
            }
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to undo
    }
}
