package dev.springlit.demo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One protocol-speaking tab for {@link FragmentBenchmark}: it says hello to a page, finds its buttons by label in
 * the HTML it receives, clicks one at a time and waits for the run to end, counting the UTF-8 bytes of every
 * message the server sends (what the wire carries for each interaction).
 */
final class FragmentTab implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A button's tag (its attributes in any order) and its label's text. */
    private static final Pattern BUTTON = Pattern.compile(
            "<button([^>]*\\bdata-sl-trigger\\b[^>]*)>.*?<span class=\"sl-button-label\">(?:<p>)?([^<]*)<", Pattern.DOTALL);
    private static final Pattern WIDGET_ID = Pattern.compile("data-sl-widget=\"([^\"]+)\"");

    private final String page;
    private final String query;
    private final StringBuilder partial = new StringBuilder();
    private final LinkedBlockingQueue<String> runEnds = new LinkedBlockingQueue<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> buttons = new ConcurrentHashMap<>();
    private volatile WebSocket ws;
    private volatile long bytesReceived;
    private volatile boolean fragmentDeltas;

    private FragmentTab(String page, String query) {
        this.page = page;
        this.query = query;
    }

    /** Opens a tab on {@code page} with {@code query} ("" or "?a=b") and waits for its first run to end. */
    static FragmentTab open(HttpClient client, URI stream, String origin, String page, String query, Duration timeout)
            throws Exception {
        FragmentTab tab = new FragmentTab(page, query);
        client.newWebSocketBuilder().header("Origin", origin).connectTimeout(timeout).buildAsync(stream, tab)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        tab.awaitRunEnd(timeout);
        return tab;
    }

    /** Clicks the button labelled {@code label} and waits until its run ended. */
    void click(String label, Duration timeout) throws Exception {
        String id = buttons.get(label);
        if (id == null) {
            throw new IllegalStateException("no button '" + label + "' on " + page + "; buttons: " + buttons.keySet());
        }
        ws.sendText("{\"type\":\"rerun\",\"widgets\":{},\"trigger\":\"" + id + "\"}", true)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        awaitRunEnd(timeout);
    }

    private void awaitRunEnd(Duration timeout) throws InterruptedException {
        String status = runEnds.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (status == null) {
            throw new IllegalStateException("no run ended within " + timeout + " on " + page + ": " + problems);
        }
        if (!"ok".equals(status)) {
            throw new IllegalStateException("a run on " + page + " ended with " + status + ": " + problems);
        }
    }

    long bytesReceived() {
        return bytesReceived;
    }

    /** Whether the server marked any delta as a fragment run's (its {@code fragment} path). */
    boolean sawFragmentDeltas() {
        return fragmentDeltas;
    }

    void close() {
        WebSocket socket = ws;
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        ws = webSocket;
        webSocket.request(1);
        webSocket.sendText("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"" + page
                + "\",\"query\":\"" + query + "\",\"reclaim\":false}", true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            bytesReceived += text.getBytes(StandardCharsets.UTF_8).length;
            handle(JSON.readTree(text));
        }
        webSocket.request(1);
        return null;
    }

    private void handle(JsonNode message) {
        if (!"delta".equals(message.path("type").asString(""))) {
            return;
        }
        if (message.path("fragment").isArray()) {
            fragmentDeltas = true;
        }
        for (JsonNode op : message.path("ops")) {
            String html = op.path("html").asString("");
            Matcher m = BUTTON.matcher(html);
            while (m.find()) {
                Matcher id = WIDGET_ID.matcher(m.group(1));
                if (id.find()) {
                    buttons.put(m.group(2).strip(), id.group(1));
                }
            }
        }
        JsonNode status = message.path("status");
        if (!status.isNull() && !status.isMissingNode()) {
            runEnds.add(status.asString());
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        problems.add("closed " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        problems.add("error " + error);
    }
}
