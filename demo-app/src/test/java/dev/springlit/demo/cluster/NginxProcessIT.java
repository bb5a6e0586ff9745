package dev.springlit.demo.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.springlit.demo.cluster.NginxProcess.Balancing;

/** The load balancer the failover tests stand on: a real nginx, proxying HTTP and WebSocket, failing over. */
@Timeout(120)
class NginxProcessIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String get(NginxProcess nginx, String path) throws Exception {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("GET " + path + " through nginx failed; its error log:\n" + nginx.errorLog(), e);
        }
        assertThat(response.statusCode()).as(nginx.errorLog()).isEqualTo(200);
        return response.body();
    }

    private String webSocketGreeting(NginxProcess nginx, String path) throws Exception {
        CompletableFuture<String> greeting = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + nginx.port() + path), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        greeting.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            return greeting.get(10, TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
    }

    @Test
    void proxiesHttpAndWebSocketToTheFirstNodeAndFailsOverToTheSecondWhenItIsDown() throws Exception {
        try (TinyNode a = TinyNode.start("A"); TinyNode b = TinyNode.start("B");
             NginxProcess nginx = NginxProcess.start(List.of(a.port(), b.port()), Balancing.FAILOVER, "")) {
            assertThat(get(nginx, "/counter?x=1")).isEqualTo("A /counter?x=1 -");
            assertThat(webSocketGreeting(nginx, "/_springlit/stream")).isEqualTo("hello from A");

            a.close();

            assertThat(get(nginx, "/counter")).isEqualTo("B /counter -");
            assertThat(webSocketGreeting(nginx, "/_springlit/stream")).isEqualTo("hello from B");
        }
    }

    @Test
    void roundRobinSpreadsRequestsOverBothNodes() throws Exception {
        try (TinyNode a = TinyNode.start("A"); TinyNode b = TinyNode.start("B");
             NginxProcess nginx = NginxProcess.start(List.of(a.port(), b.port()), Balancing.ROUND_ROBIN, "")) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                seen.add(get(nginx, "/").substring(0, 1));
            }
            assertThat(seen).containsExactlyInAnyOrder("A", "B");
        }
    }

    @Test
    void underAPathPrefixNodesSeeThePathWithoutItAndTheForwardedPrefix() throws Exception {
        try (TinyNode a = TinyNode.start("A");
             NginxProcess nginx = NginxProcess.start(List.of(a.port()), Balancing.FAILOVER, "/app")) {
            assertThat(get(nginx, "/app/counter")).isEqualTo("A /counter /app");
            assertThat(webSocketGreeting(nginx, "/app/_springlit/stream")).isEqualTo("hello from A");
        }
    }
}
