package dev.springlit.web.stream;

import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import dev.springlit.runtime.identity.TabIdentity.FormToken;

/**
 * Keeps what only the handshake's HTTP request knows: the CSRF token the tab's later {@code st.logout()} form must
 * carry (read by the app's security, when it has CSRF protection), and why a login the tab started failed. Headers, cookies, URL and
 * address stay readable on the WebSocket session itself (see {@link HandshakeContext}).
 */
public final class HandshakeCapture implements HandshakeInterceptor {

    static final String LOGOUT_TOKEN = "springlit.logoutToken";
    /**
     * HTTP session attribute (and handshake attribute): why a login {@code st.login()} started did not complete, for
     * the tab to show once when it comes back.
     */
    public static final String LOGIN_FAILURE = "springlit.login.failure";

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
            jakarta.servlet.http.HttpSession session = servlet.getServletRequest().getSession(false);
            Object failure = session == null ? null : session.getAttribute(LOGIN_FAILURE);
            if (failure instanceof String reason) {
                session.removeAttribute(LOGIN_FAILURE);
                attributes.put(LOGIN_FAILURE, reason);
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
