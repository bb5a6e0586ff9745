package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.WebSocketHandshakeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The WebSocket protocol of docs/protocol.md against the running demo app, spoken by a plain JDK WebSocket
 * client: hello and the first run, clicks, refused messages (the session survives each), the origin check,
 * and the duplicated-tab / refreshed-tab rules of {@code reclaim}.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class StreamProtocolIT {

    private static final String PAGE = "/counter";
    private static final String SESSION_ID = "[A-Za-z0-9_-]{22}";

    @LocalServerPort
    int port;

    /** A connected tab that said hello on /counter and saw its first run. */
    private record Tab(StreamClient client, String sessionId, String increment, int run) {
    }

    private Tab openCounter() {
        StreamClient client = StreamClient.connect(port);
        client.hello(null, PAGE, false);
        JsonNode session = client.awaitType("session");
        JsonNode end = client.awaitRunEnd();
        assertThat(end.path("status").asString()).isEqualTo("ok");
        assertThat(client.screen()).contains("Count = 0");
        return new Tab(client, session.path("id").asString(), client.buttonId("Increment"), end.path("run").asInt());
    }

    /**
     * Clicks Increment and returns the delta that ends the run which shows {@code count}. Runs that change
     * nothing on screen may come first (a refused trigger still reruns the page, as in Streamlit), but no run
     * may show another count.
     */
    private static JsonNode clickAndExpect(Tab tab, int count) {
        StreamClient client = tab.client();
        client.click(tab.increment());
        for (int i = 0; i < 5; i++) {
            JsonNode end = client.awaitRunEnd();
            assertThat(end.path("status").asString()).as("status of the run after a click: %s", end).isEqualTo("ok");
            String sent = client.runHtml(end.path("run").asInt());
            if (sent.contains("Count = ")) {
                assertThat(sent).as("html the run after a click sent").contains("Count = " + count);
                assertThat(client.screen()).as("page after a click").contains("Count = " + count);
                return end;
            }
        }
        throw new AssertionError("No run showed \"Count = " + count + "\" after clicking Increment");
    }

    @Test
    void helloAnswersWithSessionThenRunsThePage() {
        try (StreamClient client = StreamClient.connect(port)) {
            client.hello(null, PAGE, false);

            JsonNode session = client.awaitType("session");
            assertThat(session.path("id").asString()).matches(SESSION_ID);
            assertThat(session.path("page").asString()).isEqualTo(PAGE);
            assertThat(session.path("title").asString()).isEqualTo("Counter");
            assertThat(session.path("reset").asBoolean()).isTrue();

            JsonNode end = client.awaitRunEnd();
            assertThat(end.path("status").asString()).isEqualTo("ok");
            assertThat(end.path("run").isNumber()).isTrue();
            // The first run sends the whole page (maybe in several deltas during a slow run).
            assertThat(client.runHtml(end.path("run").asInt())).contains("Counter Example", ">Increment<", "Count = 0");
            assertThat(client.screen()).contains("Counter Example", ">Increment<", "Count = 0");
            for (String element : client.screen().split("\n")) {
                assertThat(element).startsWith("<div class=\"sl-el");
            }
            assertThat(client.buttonId("Increment")).isNotBlank();
        }
    }

    @Test
    void clickingIncrementShowsCountOne() {
        Tab tab = openCounter();
        try (StreamClient client = tab.client()) {
            JsonNode end = clickAndExpect(tab, 1);
            assertThat(end.path("run").asInt()).isGreaterThan(tab.run());
            assertThat(client.screen()).doesNotContain("Count = 0").contains("Counter Example", ">Increment<");
        }
    }

    @Test
    void malformedJsonIsRefusedAndTheSessionGoesOn() {
        Tab tab = openCounter();
        try (StreamClient client = tab.client()) {
            clickAndExpect(tab, 1);

            client.sendRaw("{\"type\": \"rerun\", \"widgets\": {");
            JsonNode error = client.awaitError("bad_message");
            assertThat(error.path("message").asString()).isNotBlank();

            client.sendRaw("not json at all");
            client.awaitError("bad_message");

            clickAndExpect(tab, 2);
        }
    }

    @Test
    void unknownMessageTypeIsRefusedAndTheSessionGoesOn() {
        Tab tab = openCounter();
        try (StreamClient client = tab.client()) {
            client.send(Map.of("type", "launch-missiles", "target", "moon"));
            JsonNode error = client.awaitType("error");
            assertThat(error.path("code").asString()).isNotBlank();
            assertThat(error.path("message").asString()).contains("launch-missiles");

            client.send(Map.of("widgets", Map.of()));
            assertThat(client.awaitType("error").path("code").asString()).isEqualTo("bad_message");

            clickAndExpect(tab, 1);
        }
    }

    @Test
    void unknownWidgetIsRefusedAndTheSessionGoesOn() {
        Tab tab = openCounter();
        try (StreamClient client = tab.client()) {
            clickAndExpect(tab, 1);

            client.click("no-such-widget");
            JsonNode error = client.awaitError("unknown_widget");
            assertThat(error.path("message").asString()).contains("no-such-widget");

            clickAndExpect(tab, 2);
        }
    }

    @Test
    void oversizedMessageIsRefusedAndTheSessionGoesOn() {
        Tab tab = openCounter();
        try (StreamClient client = tab.client()) {
            clickAndExpect(tab, 1);

            // A well-formed rerun, but larger than the default streamlit.server.max-message-size (256 KiB).
            Map<String, Object> huge = new LinkedHashMap<>();
            huge.put("type", "rerun");
            huge.put("widgets", Map.of("padding", "x".repeat(300 * 1024)));
            huge.put("trigger", tab.increment());
            client.send(huge);
            client.awaitError("too_large");

            // The refused message did not click: the next click counts 2, not 3.
            clickAndExpect(tab, 2);
        }
    }

    @Test
    void rerunBeforeHelloIsRefused() {
        try (StreamClient client = StreamClient.connect(port)) {
            client.click("anything");
            assertThat(client.awaitType("error").path("code").asString()).isEqualTo("protocol");

            client.hello(null, PAGE, false);
            client.awaitType("session");
            client.awaitRunEnd();
            assertThat(client.screen()).contains("Count = 0");
        }
    }

    @Test
    void wrongProtocolVersionIsRefused() {
        try (StreamClient client = StreamClient.connect(port)) {
            client.send(Map.of("type", "hello", "protocol", 99, "page", PAGE, "query", "", "reclaim", false));
            assertThat(client.awaitType("error").path("code").asString()).isEqualTo("protocol");
        }
    }

    @Test
    void foreignOriginIsRefusedAtTheHandshake() {
        Throwable failure = catchThrowable(() -> StreamClient.connect(port, "http://evil.example")
                .orTimeout(StreamClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .join());
        assertThat(failure).as("opening the stream from http://evil.example").isInstanceOf(CompletionException.class);
        Throwable cause = failure.getCause();
        assertThat(cause).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) cause).getResponse().statusCode()).isEqualTo(403);
    }

    @Test
    void duplicatedTabGetsItsOwnSessionWhileTheOriginalIsConnected() {
        Tab original = openCounter();
        try (StreamClient first = original.client()) {
            clickAndExpect(original, 1);
            clickAndExpect(original, 2);

            try (StreamClient duplicate = StreamClient.connect(port)) {
                duplicate.hello(original.sessionId(), PAGE, false);
                JsonNode session = duplicate.awaitType("session");
                assertThat(session.path("id").asString()).matches(SESSION_ID).isNotEqualTo(original.sessionId());
                JsonNode end = duplicate.awaitRunEnd();
                assertThat(duplicate.screen()).contains("Count = 0");

                // Both tabs count on their own.
                Tab second = new Tab(duplicate, session.path("id").asString(), duplicate.buttonId("Increment"),
                        end.path("run").asInt());
                clickAndExpect(second, 1);
                clickAndExpect(original, 3);
            }
        }
    }

    @Test
    void reclaimingTabReattachesToTheSameSessionWithoutANewRun() {
        Tab original = openCounter();
        StreamClient first = original.client();
        try {
            clickAndExpect(original, 1);
            int lastRun = clickAndExpect(original, 2).path("run").asInt();

            try (StreamClient refreshed = StreamClient.connect(port)) {
                refreshed.hello(original.sessionId(), PAGE, true);
                JsonNode session = refreshed.awaitType("session");
                assertThat(session.path("id").asString()).isEqualTo(original.sessionId());
                assertThat(session.path("reset").asBoolean()).isTrue();

                JsonNode end = refreshed.awaitRunEnd();
                assertThat(end.path("status").asString()).isEqualTo("ok");
                assertThat(end.path("run").asInt()).as("run number of the reattached page").isEqualTo(lastRun);
                assertThat(refreshed.screen()).contains("Counter Example", ">Increment<", "Count = 2");

                // The older connection of the same session is taken over and closed.
                assertThat(first.closed()).succeedsWithin(StreamClient.TIMEOUT);

                // No run happened on reattach: the next click is the very next run, and counts on from 2.
                Tab again = new Tab(refreshed, original.sessionId(), refreshed.buttonId("Increment"), lastRun);
                JsonNode next = clickAndExpect(again, 3);
                assertThat(next.path("run").asInt()).isEqualTo(lastRun + 1);
            }
        } finally {
            first.close();
        }
    }
}
