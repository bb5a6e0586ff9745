package dev.springlit.web.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import dev.springlit.support.LogText;

/**
 * Refuses a WebSocket handshake whose {@code Origin} header is not a well-formed origin with 403, before
 * Spring's same-origin check, which fails on some malformed ones (such as {@code http://127.0.0.1:8080.evil.example},
 * whose "port" is not a number) with a 500 and a stack trace instead of a refusal.
 */
public final class WellFormedOriginInterceptor implements HandshakeInterceptor {

    private static final Log log = LogFactory.getLog(WellFormedOriginInterceptor.class);

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws Exception {
        String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin == null || OriginHeader.isWellFormed(origin)) {
            return true;
        }
        log.warn("Springlit refused a WebSocket handshake with a malformed Origin \"" + LogText.clean(origin) + "\"");
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
        response.getBody().write(("The Origin header is not a valid origin (scheme://host[:port]); "
                + "this server only accepts its own pages and streamlit.server.allowed-origins.\n")
                .getBytes(StandardCharsets.UTF_8));
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to undo
    }
}
