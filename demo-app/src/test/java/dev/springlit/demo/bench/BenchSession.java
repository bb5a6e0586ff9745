package dev.springlit.demo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark tab on {@code /_springlit/stream}, event-driven (no thread of its own): it says hello, keeps a
 * copy of what a browser would show (the {@code set}/{@code trim} ops of docs/protocol.md applied to two root
 * lists), and runs click loops in which each click is sent from the callback that received the previous run's
 * end. A click is done when a delta with a non-null {@code status} arrives; its latency is the time from just
 * before {@code sendText} to that delta's arrival in the listener.
 */
final class BenchSession implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WIDGET = Pattern.compile("data-sl-widget=\"([^\"]+)\"");
    private static final Pattern COUNT = Pattern.compile("Count = (\\d+)");

    private final String page;
    private final StringBuilder partial = new StringBuilder();
    private final List<List<String>> roots = List.of(new ArrayList<>(), new ArrayList<>());
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final CompletableFuture<BenchSession> ready = new CompletableFuture<>();

    private volatile WebSocket ws;
    private CompletableFuture<WebSocket> sendChain = CompletableFuture.completedFuture(null);
    private volatile String sessionId;
    private volatile String buttonId;
    private volatile int lastRun;
    private volatile int runEnds;
    private volatile int partialDeltas;
    private volatile boolean closing;

    // the click loop in progress (written before its first send, read by the listener afterwards)
    private volatile long sentAt;
    /** When the WebSocket handshake completed (System.nanoTime), for the first render's breakdown. */
    private volatile long openedAt;
    private volatile long[] latencies;
    private volatile int recorded;
    private volatile int clicksLeft;
    private volatile CompletableFuture<Void> loopDone;

    private BenchSession(String page) {
        this.page = page;
    }

    /** Connects, says hello and completes when the first run has ended and the Increment button is known. */
    static CompletableFuture<BenchSession> open(HttpClient client, URI stream, String origin, String page,
                                                Duration timeout) {
        BenchSession session = new BenchSession(page);
        client.newWebSocketBuilder()
                .header("Origin", origin)
                .connectTimeout(timeout)
                .buildAsync(stream, session)
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        session.fail("connect failed: " + error);
                    }
                });
        return session.ready.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- click loops ---------------------------------------------------------------------------------------

    /** Clicks Increment {@code k} times, each after the previous run ended; latencies (ns) in {@link #latencies()}. */
    CompletableFuture<Void> clickLoop(int k) {
        if (k <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        latencies = new long[k];
        recorded = 0;
        clicksLeft = k;
        CompletableFuture<Void> done = new CompletableFuture<>();
        loopDone = done;
        click();
        return done;
    }

    long openedAt() {
        return openedAt;
    }

    long[] latencies() {
        long[] all = latencies;
        return all == null ? new long[0] : Arrays.copyOf(all, recorded);
    }

    private void click() {
        sentAt = System.nanoTime();
        send("{\"type\":\"rerun\",\"widgets\":{},\"trigger\":\"" + buttonId + "\"}");
    }

    // ---- results -------------------------------------------------------------------------------------------

    /** The number after "Count = " in what this tab shows, or -1. */
    int shownCount() {
        synchronized (roots) {
            for (String html : roots.get(0)) {
                if (html != null) {
                    Matcher m = COUNT.matcher(html);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
            }
        }
        return -1;
    }

    int lastRun() {
        return lastRun;
    }

    int runEnds() {
        return runEnds;
    }

    /** Deltas that did not end a run: output of a run still going, streamed by the server's flusher. */
    int partialDeltas() {
        return partialDeltas;
    }

    String sessionId() {
        return sessionId;
    }

    List<String> problems() {
        return problems;
    }

    /** Drops the connection without a closing handshake (the server sees the tab go away). */
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
        openedAt = System.nanoTime();
        ws = webSocket;
        webSocket.request(1);
        send("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"" + page
                + "\",\"query\":\"\",\"reclaim\":false}");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                handle(JSON.readTree(text));
            } catch (RuntimeException e) {
                fail("could not handle " + text + ": " + e);
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
            case "session" -> sessionId = message.path("id").asString();
            case "delta" -> {
                apply(message.path("ops"));
                JsonNode status = message.path("status");
                if (!status.isNull() && !status.isMissingNode()) {
                    runEnded(message.path("run").asInt(), status.asString());
                } else {
                    partialDeltas++;
                }
            }
            case "error" -> fail("server refused a message: " + message);
            case "busy" -> fail("server busy: " + message);
            case "page" -> {
            }
            default -> fail("unexpected message: " + message);
        }
    }

    private void apply(JsonNode ops) {
        synchronized (roots) {
            for (JsonNode op : ops) {
                JsonNode path = op.path("path");
                int root = path.path(0).asInt();
                if (root < 0 || root >= roots.size()) {
                    continue;
                }
                List<String> children = roots.get(root);
                String kind = op.path("op").asString("");
                if ("set".equals(kind) && path.size() == 2) {
                    int index = path.path(1).asInt();
                    while (children.size() <= index) {
                        children.add(null);
                    }
                    children.set(index, op.path("html").asString());
                } else if ("trim".equals(kind) && path.size() == 1) {
                    int length = op.path("length").asInt();
                    if (length < children.size()) {
                        children.subList(length, children.size()).clear();
                    }
                }
            }
        }
    }

    private void runEnded(int run, String status) {
        long now = System.nanoTime();
        lastRun = run;
        runEnds++;
        if (!"ok".equals(status)) {
            problems.add("run " + run + " ended with status " + status);
        }
        if (!ready.isDone()) {
            String id = findButton("Increment");
            if (id == null) {
                fail("no Increment button after the first run");
            } else {
                buttonId = id;
                ready.complete(this);
            }
            return;
        }
        CompletableFuture<Void> done = loopDone;
        if (done == null || done.isDone()) {
            problems.add("a run ended (run " + run + ") while no click was outstanding");
            return;
        }
        latencies[recorded++] = now - sentAt;
        if (--clicksLeft > 0) {
            click();
        } else {
            done.complete(null);
        }
    }

    private String findButton(String label) {
        synchronized (roots) {
            for (String html : roots.get(0)) {
                if (html != null && html.contains("data-sl-trigger") && html.contains(">" + label + "<")) {
                    Matcher m = WIDGET.matcher(html);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
        }
        return null;
    }

    private void send(String text) {
        CompletableFuture<WebSocket> next;
        synchronized (this) {
            next = sendChain.thenCompose(ignored -> ws.sendText(text, true));
            sendChain = next;
        }
        next.whenComplete((socket, error) -> {
            if (error != null && !closing) {
                fail("send failed: " + error);
            }
        });
    }

    private void fail(String problem) {
        problems.add(problem);
        RuntimeException error = new IllegalStateException("session " + sessionId + ": " + problem);
        ready.completeExceptionally(error);
        CompletableFuture<Void> done = loopDone;
        if (done != null) {
            done.completeExceptionally(error);
        }
    }
}
