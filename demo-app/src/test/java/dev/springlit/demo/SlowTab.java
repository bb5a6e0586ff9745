package dev.springlit.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.SpringlitEngine;

/**
 * A tab on {@code /test-big-output} (~1 MB a run) that reads its {@code session} answer and then nothing, for the
 * tests of what the server does with a tab that falls behind ({@link FloodIT}, {@link SendTimeLimitIT}).
 */
final class SlowTab implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RERUN = "{\"type\":\"rerun\",\"widgets\":{},\"trigger\":null}";

    private final WebSocket socket;
    /** The session the tab was given. */
    final Session session;

    private SlowTab(WebSocket socket, Session session) {
        this.socket = socket;
        this.session = session;
    }

    /** Opens the tab, says hello and returns once it has its session; from then on it reads nothing. */
    static SlowTab open(int port, SpringlitEngine engine) throws Exception {
        PausedListener listener = new PausedListener();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", StreamClient.sameOrigin(port))
                .buildAsync(URI.create(StreamClient.streamUri(port)), listener)
                .get(StreamClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        try {
            socket.sendText("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/test-big-output\","
                    + "\"query\":\"\",\"reclaim\":false}", true).get(5, TimeUnit.SECONDS);
            String sessionId = JSON.readTree(listener.first.get(StreamClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .path("id").asString();
            return new SlowTab(socket, engine.sessions().find(sessionId).orElseThrow());
        } catch (Exception | AssertionError e) {
            socket.abort();
            throw e;
        }
    }

    /** Asks for one more run (~1 MB more to write); false once the server has closed the connection. */
    boolean rerun() {
        try {
            socket.sendText(RERUN, true).get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception closed) {
            return false;
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Takes the first message (the "session" answer) and then stops reading: no more demand. */
    private static final class PausedListener implements WebSocket.Listener {
        final CompletableFuture<String> first = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                first.complete(text.toString());
            } else {
                ws.request(1);
            }
            return null;
        }
    }
}
