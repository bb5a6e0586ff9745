package dev.springlit.deploy.anonymous;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15: an anonymous visitor's run sees the {@code Authentication} a request to the same app would: Spring
 * Security's anonymous authentication, not {@code null}.
 */
@SpringBootTest(classes = OpenDoorApp.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class AnonymousVisitorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void anAnonymousVisitorsRunSeesTheAnonymousAuthenticationARequestSees() throws Exception {
        HttpResponse<String> request = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/whoami")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(request.statusCode()).isEqualTo(200);
        assertThat(request.body()).startsWith("AnonymousAuthenticationToken anonymousUser [ROLE_ANONYMOUS]");

        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder().header("Origin", "http://localhost:" + port)
                .buildAsync(URI.create("ws://localhost:" + port + "/_springlit/stream"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            messages.add(text.toString());
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            socket.sendText("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/\",\"reclaim\":false}", true)
                    .get(10, TimeUnit.SECONDS);
            String shown = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (shown == null && System.nanoTime() < deadline) {
                String message = messages.poll(100, TimeUnit.MILLISECONDS);
                if (message != null && message.contains("who: ")) {
                    shown = message;
                }
            }
            assertThat(shown).as("the page's output").isNotNull()
                    .contains("who: " + request.body()).doesNotContain("who: nobody");
        } finally {
            socket.abort();
        }
    }
}
