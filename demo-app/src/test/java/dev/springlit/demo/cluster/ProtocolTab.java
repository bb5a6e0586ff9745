package dev.springlit.demo.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tab on the counter page that speaks the protocol itself, as the browser's client does (S9.3): it numbers its
 * clicks, keeps those not yet acknowledged, and after a dropped connection reconnects (through the load balancer,
 * to whichever node answers), says hello for its session and re-sends them. Used from one thread.
 */
final class ProtocolTab implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern COUNT = Pattern.compile("Count = (\\d+)");
    private static final Pattern WIDGET = Pattern.compile("data-sl-widget=\"([^\"]+)\"");

    private final URI stream;
    private final String origin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private WebSocket socket;
    private String session;
    private String buttonId;
    private long seq;
    private long acknowledged;
    private final List<Long> unacked = new ArrayList<>();
    private int shownCount = -1;
    /** How often a connection dropped and the tab reconnected. */
    int reconnects;
    /** Run ends seen: the first connection's and the clicks' (a take-over of a page shown draws nothing, S9.2). */
    int runEnds;
    /**
     * Clicks acknowledged while reconnecting rather than by their own run end: the node committed the click and died
     * before the run end reached the tab, so the next node's hello answer acknowledges it (S9.3: not re-applied).
     */
    int acknowledgedOnReconnect;
    /** The codes of the errors the server sent, in order. */
    final List<String> errors = new ArrayList<>();

    ProtocolTab(int nginxPort) {
        this(URI.create("ws://127.0.0.1:" + nginxPort + "/_springlit/stream"), "http://127.0.0.1:" + nginxPort);
    }

    private ProtocolTab(URI stream, String origin) {
        this.stream = stream;
        this.origin = origin;
    }

    /** Connects (again) until a node answers hello, and re-sends what is not acknowledged. */
    void connect(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            inbox.clear();
            try {
                socket = http.newWebSocketBuilder().header("Origin", origin).connectTimeout(Duration.ofSeconds(2))
                        .buildAsync(stream, new Listener()).get(5, TimeUnit.SECONDS);
                // like the browser: after a reconnect (not a reload) the tab still shows the page its runs drew
                boolean shown = session != null && runEnds > 0;
                send("{\"type\":\"hello\",\"protocol\":1,\"session\":" + (session == null ? "null" : "\"" + session + "\"")
                        + ",\"page\":\"/counter\",\"query\":\"\",\"reclaim\":" + (session != null)
                        + ",\"widgets\":{},\"shown\":" + shown + "}");
                JsonNode attached = next(Duration.ofSeconds(10));
                if (attached != null && "session".equals(attached.path("type").asString())) {
                    boolean same = attached.path("id").asString().equals(session);
                    session = attached.path("id").asString();
                    if (!same) {
                        unacked.clear();
                    }
                    long before = acknowledged;
                    acknowledge(attached.path("seq").asLong(0));
                    seq = Math.max(seq, attached.path("received").asLong(0));
                    if (!shown) {
                        awaitRunEnd(Duration.ofSeconds(20)); // the page is drawn before the button is clicked
                    }
                    acknowledgedOnReconnect += (int) (acknowledged - before);
                    for (Long again : unacked) {
                        sendClick(again);
                    }
                    return;
                }
            } catch (Exception failed) {
                // no node answered, or the connection dropped: try again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no node took the tab within " + patience);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the connection drops (its node died), then reconnects and returns once the page is drawn again. */
    void awaitDropAndReconnect(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = next(Duration.ofMillis(200));
            if (message != null && message.has("closed")) {
                reconnects++;
                connect(patience);
                return;
            }
            if (message != null) {
                handle(message);
            }
        }
        throw new AssertionError("the connection did not drop within " + patience);
    }

    /** Clicks Increment and returns once its run ended (acknowledged), reconnecting as often as needed. */
    void click(Duration patience) throws InterruptedException {
        long mine = ++seq;
        unacked.add(mine);
        long deadline = System.nanoTime() + patience.toNanos();
        boolean sent = sendClick(mine);
        while (acknowledged < mine) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("click " + mine + " was not acknowledged within " + patience);
            }
            JsonNode message = sent ? next(Duration.ofSeconds(5)) : null;
            if (message == null || message.has("closed")) {
                if (message != null || socket == null || socket.isInputClosed()) {
                    reconnects++;
                    connect(patience);
                    sent = true;
                }
                continue;
            }
            handle(message);
        }
    }

    /** Clicks Increment and returns once a run ended after it, acknowledged or not (the store may be down). */
    void clickAndAwaitRunEnd(Duration patience) throws InterruptedException {
        long mine = ++seq;
        unacked.add(mine);
        if (!sendClick(mine)) {
            throw new IllegalStateException("the click could not be sent");
        }
        awaitRunEnd(patience);
    }

    private boolean sendClick(long number) {
        return send("{\"type\":\"rerun\",\"widgets\":{},\"trigger\":\"" + buttonId + "\",\"seq\":" + number + "}");
    }

    private void awaitRunEnd(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = next(Duration.ofSeconds(5));
            if (message == null) {
                continue;
            }
            if (message.has("closed")) {
                throw new IllegalStateException("closed before the page was drawn");
            }
            if (handle(message)) {
                return;
            }
        }
        throw new IllegalStateException("the page was not drawn");
    }

    /** Applies a message; true when it ended a run. */
    private boolean handle(JsonNode message) {
        if ("error".equals(message.path("type").asString())) {
            errors.add(message.path("code").asString());
        }
        if (!"delta".equals(message.path("type").asString())) {
            return false;
        }
        for (JsonNode op : message.path("ops")) {
            String html = op.path("html").asString("");
            Matcher count = COUNT.matcher(html);
            if (count.find()) {
                shownCount = Integer.parseInt(count.group(1));
            }
            if (html.contains("Increment")) {
                Matcher widget = WIDGET.matcher(html);
                if (widget.find()) {
                    buttonId = widget.group(1);
                }
            }
        }
        if (message.path("status").isNull() || message.path("status").isMissingNode()) {
            return false;
        }
        runEnds++;
        acknowledge(message.path("seq").asLong(0));
        return true;
    }

    private void acknowledge(long seq) {
        acknowledged = Math.max(acknowledged, seq);
        unacked.removeIf(n -> n <= acknowledged);
    }

    /** Another connection of this tab's session, as after a page reload. */
    ProtocolTab reopened() {
        ProtocolTab again = new ProtocolTab(stream, origin);
        again.session = session;
        again.seq = seq;
        return again;
    }

    int shownCount() {
        return shownCount;
    }

    long acknowledged() {
        return acknowledged;
    }

    private boolean send(String text) {
        try {
            socket.sendText(text, true).get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception dropped) {
            return false;
        }
    }

    private JsonNode next(Duration wait) throws InterruptedException {
        Object item = inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        return (JsonNode) item;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                inbox.add(JSON.readTree(text.toString()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            inbox.add(JSON.createObjectNode().put("closed", statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            inbox.add(JSON.createObjectNode().put("closed", -1));
        }
    }
}
