package dev.springlit.demo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark tab on the demo's {@code /dashboard}, event-driven like {@link BenchSession}: it keeps what a
 * browser would show (every {@code set} op by its full path, {@code trim} applied), finds the sidebar's "Regions"
 * multiselect, and runs interaction loops that switch the filter between all four regions and North alone, each
 * sent when the previous run ended. An interaction is checked when its run ends: status {@code ok} and the
 * "Best region" metric showing what the filter implies (North alone, or the best region of the first run).
 * Counts the UTF-8 bytes of every message the server sends the tab.
 */
final class DashboardTab implements WebSocket.Listener {

    static final String PAGE = "/dashboard";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WIDGET = Pattern.compile("data-sl-widget=\"([^\"]+)\"");
    private static final Pattern METRIC_VALUE = Pattern.compile("Best region.*?sl-metric-value[^>]*>([^<]+)<",
            Pattern.DOTALL);

    private final StringBuilder partial = new StringBuilder();
    /** What the tab shows: element HTML by its path (root, child, grandchild, ...). */
    private final Map<List<Integer>, String> shown = new HashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final CompletableFuture<DashboardTab> ready = new CompletableFuture<>();

    private volatile WebSocket ws;
    private volatile String regionsId;
    private volatile String bestOfAll;
    private volatile int runEnds;
    private volatile long bytesReceived;
    private volatile boolean closing;

    // the interaction loop in progress
    private volatile long sentAt;
    private volatile long[] latencies;
    private volatile int recorded;
    private volatile int left;
    private volatile boolean northOnly;
    private volatile CompletableFuture<Void> loopDone;

    static CompletableFuture<DashboardTab> open(HttpClient client, URI stream, String origin, Duration timeout) {
        DashboardTab tab = new DashboardTab();
        client.newWebSocketBuilder()
                .header("Origin", origin)
                .connectTimeout(timeout)
                .buildAsync(stream, tab)
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        tab.fail("connect failed: " + error);
                    }
                });
        return tab.ready.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Switches the Regions filter {@code k} times, each after the previous run ended. */
    CompletableFuture<Void> interactions(int k) {
        latencies = new long[k];
        recorded = 0;
        left = k;
        CompletableFuture<Void> done = new CompletableFuture<>();
        loopDone = done;
        if (k == 0) {
            done.complete(null);
        } else {
            interact();
        }
        return done;
    }

    private void interact() {
        northOnly = !northOnly;
        sentAt = System.nanoTime();
        send("{\"type\":\"rerun\",\"widgets\":{\"" + regionsId + "\":" + (northOnly ? "[0]" : "[0,1,2,3]")
                + "},\"trigger\":null}");
    }

    long[] latencies() {
        long[] all = latencies;
        return all == null ? new long[0] : Arrays.copyOf(all, recorded);
    }

    /** UTF-8 bytes of every message the server sent this tab so far. */
    long bytesReceived() {
        return bytesReceived;
    }

    int runEnds() {
        return runEnds;
    }

    List<String> problems() {
        return problems;
    }

    void abort() {
        closing = true;
        WebSocket socket = ws;
        if (socket != null) {
            socket.abort();
        }
    }

    // ---- WebSocket.Listener --------------------------------------------------------------------------------

    @Override
    public void onOpen(WebSocket webSocket) {
        ws = webSocket;
        webSocket.request(1);
        send("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"" + PAGE
                + "\",\"query\":\"\",\"reclaim\":false}");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            bytesReceived += utf8Length(text);
            try {
                handle(JSON.readTree(text));
            } catch (RuntimeException e) {
                fail("could not handle a message: " + e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closing) {
            fail("server closed the connection: " + statusCode + " " + reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closing) {
            fail("transport error: " + error);
        }
    }

    private void handle(JsonNode message) {
        switch (message.path("type").asString("")) {
            case "session", "page" -> {
            }
            case "delta" -> {
                apply(message.path("ops"));
                JsonNode status = message.path("status");
                if (!status.isNull() && !status.isMissingNode()) {
                    runEnded(message.path("run").asInt(), status.asString());
                }
            }
            default -> fail("unexpected message: " + message);
        }
    }

    private void apply(JsonNode ops) {
        synchronized (shown) {
            for (JsonNode op : ops) {
                List<Integer> path = new ArrayList<>();
                op.path("path").forEach(n -> path.add(n.asInt()));
                String kind = op.path("op").asString("");
                if ("set".equals(kind)) {
                    // the new HTML carries the element's children: what was under it is gone
                    shown.keySet().removeIf(key -> key.size() > path.size() && key.subList(0, path.size()).equals(path));
                    shown.put(path, op.path("html").asString());
                } else if ("trim".equals(kind)) {
                    int length = op.path("length").asInt();
                    shown.keySet().removeIf(key -> key.size() > path.size()
                            && key.subList(0, path.size()).equals(path) && key.get(path.size()) >= length);
                }
            }
        }
    }

    private void runEnded(int run, String status) {
        long now = System.nanoTime();
        runEnds++;
        if (!"ok".equals(status)) {
            problems.add("run " + run + " ended with status " + status);
        }
        String best = bestRegion();
        if (!ready.isDone()) {
            regionsId = widgetOfKind("multiselect");
            bestOfAll = best;
            if (regionsId == null || best == null) {
                fail("no Regions multiselect or no Best region metric after the first run");
            } else {
                ready.complete(this);
            }
            return;
        }
        CompletableFuture<Void> done = loopDone;
        if (done == null || done.isDone()) {
            problems.add("a run ended (run " + run + ") while no interaction was outstanding");
            return;
        }
        String expected = northOnly ? "North" : bestOfAll;
        if (!expected.equals(best)) {
            problems.add("run " + run + " shows Best region " + best + ", expected " + expected);
        }
        latencies[recorded++] = now - sentAt;
        if (--left > 0) {
            interact();
        } else {
            done.complete(null);
        }
    }

    private String bestRegion() {
        synchronized (shown) {
            for (String html : shown.values()) {
                if (html != null && html.contains("Best region")) {
                    Matcher m = METRIC_VALUE.matcher(html);
                    if (m.find()) {
                        return m.group(1).strip();
                    }
                }
            }
        }
        return null;
    }

    private String widgetOfKind(String kind) {
        synchronized (shown) {
            for (String html : shown.values()) {
                if (html != null && html.contains("data-sl-kind=\"" + kind + "\"")) {
                    Matcher m = WIDGET.matcher(html);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
        }
        return null;
    }

    private synchronized void send(String text) {
        ws.sendText(text, true).whenComplete((socket, error) -> {
            if (error != null && !closing) {
                fail("send failed: " + error);
            }
        });
    }

    private static long utf8Length(String text) {
        return text.chars().allMatch(c -> c < 0x80) ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private void fail(String problem) {
        problems.add(problem);
        RuntimeException error = new IllegalStateException("dashboard tab: " + problem);
        ready.completeExceptionally(error);
        CompletableFuture<Void> done = loopDone;
        if (done != null) {
            done.completeExceptionally(error);
        }
    }
}
