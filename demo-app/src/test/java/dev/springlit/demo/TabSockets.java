package dev.springlit.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * Many short-lived tabs on one shared JDK HttpClient (a StreamClient each would start a client, and a selector
 * thread, per tab): each says hello, takes its session id from the answer and goes away.
 */
final class TabSockets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TabSockets() {
    }

    /** Opens {@code count} tabs on {@code page}, {@code batch} at a time, and returns their session ids. */
    static List<String> openAndAbandon(HttpClient http, int port, String page, int count, int batch) {
        List<String> ids = new ArrayList<>(count);
        for (int done = 0; done < count; done += batch) {
            List<CompletableFuture<String>> tabs = new ArrayList<>();
            for (int i = done; i < Math.min(count, done + batch); i++) {
                tabs.add(openAndAbandon(http, port, page));
            }
            for (CompletableFuture<String> tab : tabs) {
                ids.add(tab.orTimeout(StreamClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join());
            }
        }
        return ids;
    }

    /** One tab: hello, the session id from the answer, then a normal close. */
    static CompletableFuture<String> openAndAbandon(HttpClient http, int port, String page) {
        CompletableFuture<String> sessionId = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String id = JSON.readTree(text.toString()).path("id").asString();
                    text.setLength(0);
                    if (!sessionId.isDone()) {
                        sessionId.complete(id);
                        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
                    }
                }
                ws.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                sessionId.completeExceptionally(error);
            }
        };
        return http.newWebSocketBuilder()
                .header("Origin", StreamClient.sameOrigin(port))
                .buildAsync(URI.create(StreamClient.streamUri(port)), listener)
                .thenCompose(ws -> ws.sendText("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"" + page
                        + "\",\"query\":\"\",\"reclaim\":false}", true))
                .thenCompose(ws -> sessionId);
    }
}
