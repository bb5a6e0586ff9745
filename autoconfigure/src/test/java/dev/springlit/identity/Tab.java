package dev.springlit.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One tab over a real WebSocket: sends protocol messages, collects the server's. */
final class Tab implements AutoCloseable {

    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder history = new StringBuilder();
    final WebSocket socket;

    /** {@code base} is the app's http URL; {@code headers} name/value pairs such as the Cookie header. */
    Tab(HttpClient http, String base, String... headers) {
        WebSocket.Builder builder = http.newWebSocketBuilder().header("Origin", base.replaceAll("(https?://[^/]+).*", "$1"));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        socket = builder.buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/_springlit/stream"),
                new WebSocket.Listener() {
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

    /** Says hello for {@code page} as a tab that had {@code session} (null: none); returns the session id. */
    String hello(String page, String session, boolean reclaim) throws InterruptedException {
        send("{\"type\":\"hello\",\"protocol\":1,\"session\":" + (session == null ? "null" : "\"" + session + "\"")
                + ",\"page\":\"" + page + "\",\"reclaim\":" + reclaim + "}");
        return await("\"type\":\"session\"").replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    /** Waits for a message containing {@code text}. */
    String await(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null) {
                history.append(message).append('\n');
            }
            if (message != null && message.contains(text)) {
                return message;
            }
        }
        throw new AssertionError("No message containing " + text);
    }

    /** Waits until the messages received so far, together, contain every one of {@code texts}. */
    String awaitAll(String... texts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String seen = history.toString();
            if (Arrays.stream(texts).allMatch(seen::contains)) {
                return seen;
            }
            String message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null) {
                history.append(message).append('\n');
            }
        }
        throw new AssertionError("Not all of " + Arrays.toString(texts) + " in " + history);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        socket.abort();
    }
}
