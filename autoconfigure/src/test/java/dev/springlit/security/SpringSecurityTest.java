package dev.springlit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pages follow Spring Security's rules; the WebSocket is authenticated; runs see their user. */
@SpringBootTest(classes = SecuredApp.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SpringSecurityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A tab over the WebSocket: collects the server's messages. */
    private final class Tab implements AutoCloseable {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final WebSocket socket;

        Tab(String auth) {
            var builder = HTTP.newWebSocketBuilder().header("Origin", "http://localhost:" + port);
            if (auth != null) {
                builder.header("Authorization", auth);
            }
            socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/_springlit/stream"), new WebSocket.Listener() {
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
            }).join();
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        /** Waits for a message containing {@code text}. */
        String await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                String message = messages.poll(100, TimeUnit.MILLISECONDS);
                if (message != null && message.contains(text)) {
                    return message;
                }
            }
            throw new AssertionError("No message containing " + text);
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    @Test
    void theSidebarListsOnlyThePagesTheUserMayOpen() throws Exception {
        assertThat(get("/", null).statusCode()).isEqualTo(401);
        HttpResponse<String> asUser = get("/", basic("user", "user-pw"));
        assertThat(asUser.statusCode()).isEqualTo(200);
        assertThat(asUser.body()).contains("Welcome").doesNotContain("href=\"./admin\"");
        assertThat(get("/", basic("admin", "admin-pw")).body()).contains("href=\"./admin\"");
        assertThat(get("/admin", basic("user", "user-pw")).statusCode()).isEqualTo(403);
    }

    @Test
    void springSecurityWritesItsHeadersAndSpringlitAddsOnlyItsContentSecurityPolicy() throws Exception {
        for (String path : new String[] {"/", "/_springlit/static/springlit.js"}) {
            HttpResponse<String> response = get(path, basic("user", "user-pw"));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("Content-Security-Policy")).as(path).singleElement()
                    .asString().contains("script-src 'self'", "frame-ancestors 'self'");
            // Spring Security's own, each once; Springlit does not write a second one.
            assertThat(response.headers().allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
            assertThat(response.headers().allValues("X-Frame-Options")).as(path).containsExactly("DENY");
            assertThat(response.headers().allValues("Referrer-Policy")).as(path).isEmpty();
        }
        // The refusal of an anonymous visitor carries the policy too.
        assertThat(get("/", null).headers().allValues("Content-Security-Policy")).hasSize(1);
    }

    @Test
    void theWebSocketNeedsAUser() {
        Throwable refused = null;
        try {
            new Tab(null).close();
        } catch (CompletionException e) {
            refused = e.getCause();
        }
        assertThat(refused).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(401);
    }

    @Test
    void aRunSeesItsUserAndNavigationObeysTheRules() throws Exception {
        try (Tab tab = new Tab(basic("user", "user-pw"))) {
            tab.send("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/\",\"reclaim\":false}");
            tab.await("Hello user");
            tab.send("{\"type\":\"navigate\",\"page\":\"/admin\"}");
            assertThat(tab.await("\"type\":\"error\"")).contains("forbidden").contains("You may not open /admin.");
        }
        try (Tab tab = new Tab(basic("admin", "admin-pw"))) {
            tab.send("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/\",\"reclaim\":false}");
            tab.await("Hello admin");
            tab.send("{\"type\":\"navigate\",\"page\":\"/admin\"}");
            tab.await("Admin area");
        }
    }

    @Test
    void aSessionIsNeverHandedToAnotherUser() throws Exception {
        String id;
        try (Tab tab = new Tab(basic("admin", "admin-pw"))) {
            tab.send("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/\",\"reclaim\":false}");
            String session = tab.await("\"type\":\"session\"");
            id = session.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            tab.await("Hello admin");
        }
        try (Tab thief = new Tab(basic("user", "user-pw"))) {
            thief.send("{\"type\":\"hello\",\"protocol\":1,\"session\":\"" + id + "\",\"page\":\"/\",\"reclaim\":true}");
            String session = thief.await("\"type\":\"session\"");
            assertThat(session).doesNotContain(id);
            thief.await("Hello user");
        }
    }
}
