package dev.springlit.web.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses WebSocket handshakes with 503 while this node is stopping (S9.7): its tabs were just told to reconnect,
 * and a load balancer that retries on 503 ({@code proxy_next_upstream http_503} in nginx) sends them to a node that
 * stays, instead of back to this one for its last seconds.
 */
public final class LeavingNodeInterceptor implements HandshakeInterceptor {

    private final BooleanSupplier leaving;

    public LeavingNodeInterceptor(BooleanSupplier leaving) {
        this.leaving = leaving;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws Exception {
        if (!leaving.getAsBoolean()) {
            return true;
        }
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
        response.getBody().write("This server is stopping; connect to another one.\n".getBytes(StandardCharsets.UTF_8));
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to undo
    }
}
