package dev.springlit.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test client for {@code /_springlit/stream} on the JDK's own WebSocket. It speaks the protocol of
 * docs/protocol.md as JSON text, applies every {@code delta} to its own copy of the page as it arrives (as
 * the browser does: a run may come in several deltas, only the last one carrying a status), and keeps every
 * message, in order, until a test takes it.
 */
final class StreamClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WIDGET = Pattern.compile("data-sl-widget=\"([^\"]+)\"");

    private final WebSocket socket;
    private final Listener listener;
    /** Messages already taken off the inbox but passed over by {@link #await}; searched first next time. */
    private final List<JsonNode> skipped = new ArrayList<>();

    private StreamClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    static String streamUri(int port) {
        return "ws://localhost:" + port + "/_springlit/stream";
    }

    static String sameOrigin(int port) {
        return "http://localhost:" + port;
    }

    /** Opens a connection with the page's own origin. */
    static StreamClient connect(int port) {
        return connect(port, sameOrigin(port)).join();
    }

    /** Opens a connection sending {@code origin}; the future fails when the handshake is refused. */
    static CompletableFuture<StreamClient> connect(int port, String origin) {
        Listener listener = new Listener();
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", origin)
                .connectTimeout(TIMEOUT)
                .buildAsync(URI.create(streamUri(port)), listener)
                .thenApply(ws -> new StreamClient(ws, listener));
    }

    // ---- sending -----------------------------------------------------------------------------------------

    void sendRaw(String text) {
        socket.sendText(text, true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    /** Sends {@code text} as one message in {@code fragments} frames. */
    void sendFragments(String text, int fragments) {
        int step = Math.max(1, text.length() / fragments);
        for (int from = 0; from < text.length(); ) {
            int to = text.length() - from <= step ? text.length() : from + step;
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to++;
            }
            socket.sendText(text.substring(from, to), to == text.length())
                    .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
            from = to;
        }
    }

    void send(Map<String, ?> message) {
        sendRaw(JSON.writeValueAsString(message));
    }

    void hello(String session, String page, boolean reclaim) {
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "hello");
        hello.put("protocol", 1);
        hello.put("session", session);
        hello.put("page", page);
        hello.put("query", "");
        hello.put("reclaim", reclaim);
        send(hello);
    }

    void click(String widgetId) {
        Map<String, Object> rerun = new LinkedHashMap<>();
        rerun.put("type", "rerun");
        rerun.put("widgets", Map.of());
        rerun.put("trigger", widgetId);
        send(rerun);
    }

    // ---- receiving ---------------------------------------------------------------------------------------

    /** The next message (earliest first) that matches, waiting up to {@link #TIMEOUT}; others are kept. */
    /** Forgets messages earlier waits passed over (such as a slow first run's partial deltas). */
    void forgetUnclaimed() {
        skipped.clear();
    }

    JsonNode await(String what, Predicate<JsonNode> matches) {
        return await(what, matches, TIMEOUT);
    }

    /** As {@link #await(String, Predicate)}, waiting up to {@code timeout} (a page's cold first run, say). */
    JsonNode await(String what, Predicate<JsonNode> matches, Duration timeout) {
        for (Iterator<JsonNode> it = skipped.iterator(); it.hasNext(); ) {
            JsonNode message = it.next();
            if (matches.test(message)) {
                it.remove();
                return message;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> seen = new ArrayList<>();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode message = left <= 0 ? null : listener.inbox.poll(left, TimeUnit.NANOSECONDS);
                if (message == null) {
                    skipped.addAll(seen);
                    dumpServerThreads();
                    throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                            + "; received meanwhile: " + seen + "; earlier unclaimed: " + skipped
                            + "; connection: " + connectionState());
                }
                if (matches.test(message)) {
                    skipped.addAll(seen);
                    return message;
                }
                seen.add(message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }

    /** The next message of this type. */
    JsonNode awaitType(String type) {
        return await("a \"" + type + "\" message", m -> type.equals(m.path("type").asString()));
    }

    /** The next {@code error} message with this code. */
    JsonNode awaitError(String code) {
        return await("an error with code \"" + code + "\"",
                m -> "error".equals(m.path("type").asString()) && code.equals(m.path("code").asString()));
    }

    /** The next delta that ends a run (its status is not null). */
    JsonNode awaitRunEnd() {
        return awaitRunEnd(TIMEOUT);
    }

    /** The next delta that ends a run, waiting up to {@code timeout}. */
    JsonNode awaitRunEnd(Duration timeout) {
        return await("a delta ending a run",
                m -> "delta".equals(m.path("type").asString()) && !m.path("status").isNull(), timeout);
    }

    /** Completes with the close code when the server closes the connection. */
    CompletableFuture<Integer> closed() {
        return listener.closed;
    }

    private String connectionState() {
        CompletableFuture<Integer> closed = listener.closed;
        return closed.isDone() ? "closed (" + closed.handle((code, error) -> code != null ? code : error).join() + ")"
                : "open";
    }

    // ---- the page as this client sees it -----------------------------------------------------------------

    /** The html of the main body (root 0) as the deltas received so far built it, element by element. */
    String screen() {
        return screen(0);
    }

    /** The html of root {@code root} (0 the main body, 1 the sidebar), one element a line. */
    String screen(int root) {
        return listener.page.html(root);
    }

    /** The html of every {@code set} op of every delta received so far for run {@code run}. */
    String runHtml(int run) {
        return listener.page.runHtml(run);
    }

    /** The {@code data-sl-widget} id of the button labelled {@code label} on the page. */
    String buttonId(String label) {
        for (String html : listener.page.elements(0)) {
            if (html.contains("data-sl-trigger") && html.contains(">" + label + "<")) {
                Matcher m = WIDGET.matcher(html);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("No button \"" + label + "\" on the page: " + screen());
    }

    /** The html of the {@code set} ops of one message. */
    static String html(JsonNode delta) {
        StringBuilder html = new StringBuilder();
        for (JsonNode op : delta.path("ops")) {
            if ("set".equals(op.path("op").asString())) {
                html.append(op.path("html").asString()).append('\n');
            }
        }
        return html.toString();
    }

    /** The server runs in this JVM: when a wait times out, show what its Springlit threads are doing. */
    private static void dumpServerThreads() {
        StringBuilder dump = new StringBuilder("Springlit threads when the wait timed out:\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("springlit")) {
                dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            }
        });
        System.err.println(dump);
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).join();
        } catch (RuntimeException e) {
            socket.abort();
        }
    }

    /** The page as a browser would show it: element html by path, following set, trim and session reset. */
    private static final class PageModel {

        private final TreeMap<int[], String> elements = new TreeMap<>(Arrays::compare);
        private final Map<Integer, StringBuilder> byRun = new HashMap<>();

        synchronized void apply(JsonNode message) {
            String type = message.path("type").asString();
            if ("session".equals(type) && message.path("reset").asBoolean()) {
                elements.clear();
            } else if ("delta".equals(type)) {
                int run = message.path("run").asInt();
                for (JsonNode op : message.path("ops")) {
                    int[] path = new int[op.path("path").size()];
                    for (int i = 0; i < path.length; i++) {
                        path[i] = op.path("path").get(i).asInt();
                    }
                    switch (op.path("op").asString()) {
                        case "set" -> {
                            // The element replaces whatever was there, children included.
                            elements.keySet().removeIf(p -> p.length > path.length && startsWith(p, path));
                            elements.put(path, op.path("html").asString());
                            byRun.computeIfAbsent(run, r -> new StringBuilder()).append(op.path("html").asString())
                                    .append('\n');
                        }
                        case "trim" -> {
                            int length = op.path("length").asInt();
                            elements.keySet().removeIf(p -> p.length > path.length && startsWith(p, path)
                                    && p[path.length] >= length);
                        }
                        case "reached" -> {
                            // how far a running run got: the browser's stale marks, nothing to apply here
                        }
                        default -> throw new AssertionError("Unknown op in " + message);
                    }
                }
            }
        }

        private static boolean startsWith(int[] path, int[] prefix) {
            return Arrays.equals(path, 0, prefix.length, prefix, 0, prefix.length);
        }

        synchronized List<String> elements(int root) {
            List<String> html = new ArrayList<>();
            elements.forEach((path, element) -> {
                if (path[0] == root) {
                    html.add(element);
                }
            });
            return html;
        }

        String html(int root) {
            return String.join("\n", elements(root));
        }

        synchronized String runHtml(int run) {
            StringBuilder html = byRun.get(run);
            return html == null ? "" : html.toString();
        }
    }

    /** Joins fragments into whole messages, applies them to the page model and queues them, in order. */
    private static final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private final PageModel page = new PageModel();
        private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode message = JSON.readTree(text.toString());
                text.setLength(0);
                page.apply(message);
                inbox.add(message);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
