package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket protocol on Jetty, where the server swap could change what a tab sees: the handshake and the first
 * run, the handshake's headers in {@code st.context()}, the Origin and Host checks, a malformed, an oversized and a fragmented message (answered as on Tomcat, see
 * StreamProtocolIT; Jetty's own WebSocket API would close with 1009 past 64 KB instead), and the close codes a tab
 * acts on (1013 for a connection that never says hello, 1008 for a flood); a silent tab stays connected as long as
 * {@code silent-connection-timeout} says, not Jetty's own idle timeout; a Tomcat-only setting is named at startup.
 * Runs in the on-jetty execution.
 */
@OnJetty.Execution
@ExtendWith(OutputCaptureExtension.class) // before Spring's: the capture sees the application start
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "streamlit.server.hello-timeout=2s",
        "streamlit.server.max-messages-per-second=50",
        // pings after 40 s of silence, past Jetty's own 30 s idle timeout
        "streamlit.server.silent-connection-timeout=120s",
        // Tomcat-only: named at startup, and harmless here
        "streamlit.server.websocket-receive-buffer-size=128B",
        // loopback only: other host names are refused (DNS rebinding)
        "server.address=127.0.0.1"})
class OnJettyProtocolIT {

    private static final String PAGE = "/counter";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void servedByJetty() {
        OnJetty.assertServedByJetty(context);
    }

    private StreamClient openCounter() {
        StreamClient client = StreamClient.connect(port);
        client.hello(null, PAGE, false);
        assertThat(client.awaitType("session").path("id").asString()).matches("[A-Za-z0-9_-]{22}");
        assertThat(client.awaitRunEnd().path("status").asString()).isEqualTo("ok");
        assertThat(client.screen()).contains("Counter Example", ">Increment<", "Count = 0");
        return client;
    }

    /** Clicks Increment and waits for the run that shows {@code count}. */
    private static void clickAndExpect(StreamClient client, int count) {
        client.click(client.buttonId("Increment"));
        client.await("Count = " + count, m -> "delta".equals(m.path("type").asString())
                && !m.path("status").isNull() && client.screen().contains("Count = " + count));
    }

    @Test
    void s1_2_theHandshakeAndHelloOnJettyAnswerWithTheSessionAndItsFirstRun() {
        try (StreamClient client = openCounter()) {
            clickAndExpect(client, 1);
        }
    }

    @Test
    void aForeignOriginIsRefusedAtTheHandshakeWith403() {
        Throwable failure = catchThrowable(() -> StreamClient.connect(port, "http://evil.example")
                .orTimeout(StreamClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join());
        assertThat(failure).isInstanceOf(CompletionException.class);
        assertThat(failure.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode()).isEqualTo(403);
    }

    @Test
    void aMalformedMessageIsAnsweredWithBadMessageAndTheSessionGoesOn() {
        try (StreamClient client = openCounter()) {
            client.sendRaw("{\"type\": \"rerun\", \"widgets\": {");
            JsonNode error = client.awaitError("bad_message");
            assertThat(error.path("message").asString()).isNotBlank();
            client.sendRaw("not json at all");
            client.awaitError("bad_message");
            clickAndExpect(client, 1);
        }
    }

    @Test
    void aMessageOverMaxMessageSizeIsAnsweredWithTooLargeNotAClose() {
        try (StreamClient client = openCounter()) {
            // over the default streamlit.server.max-message-size (256 KB), and four times Jetty's own 64 KB limit
            Map<String, Object> huge = new LinkedHashMap<>();
            huge.put("type", "rerun");
            huge.put("widgets", Map.of("padding", "x".repeat(300 * 1024)));
            huge.put("trigger", client.buttonId("Increment"));
            client.send(huge);
            assertThat(client.awaitError("too_large").path("message").asString())
                    .contains("streamlit.server.max-message-size");
            clickAndExpect(client, 1); // the refused message clicked nothing
        }
    }

    @Test
    void aMessageLargerThanJettysLimitInManyFramesArrivesWhole() {
        try (StreamClient client = openCounter()) {
            Map<String, Object> rerun = new LinkedHashMap<>();
            rerun.put("type", "rerun");
            rerun.put("widgets", Map.of("padding", "ä".repeat(100 * 1024))); // 200 KB of UTF-8
            rerun.put("trigger", client.buttonId("Increment"));
            client.sendFragments(JsonMapper.builder().build().writeValueAsString(rerun), 37);
            client.await("Count = 1", m -> "delta".equals(m.path("type").asString())
                    && !m.path("status").isNull() && client.screen().contains("Count = 1"));
        }
    }

    @Test
    void aConnectionThatNeverSaysHelloIsClosedWith1013() throws Exception {
        try (StreamClient silent = StreamClient.connect(port)) {
            assertThat(silent.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1013);
        }
    }

    @Test
    void aFloodingTabIsToldRateLimitedThenClosedWith1008() throws Exception {
        try (StreamClient flooder = openCounter()) {
            String rerun = "{\"type\":\"rerun\",\"widgets\":{},\"trigger\":null}";
            try {
                for (int sent = 0; sent < 5_000 && !flooder.closed().isDone(); sent++) {
                    flooder.sendRaw(rerun);
                }
            } catch (RuntimeException refusedOnceClosed) {
                // the server closed the connection while we were still sending
            }
            assertThat(flooder.awaitError("rate_limited").path("message").asString())
                    .contains("streamlit.server.max-messages-per-second");
            assertThat(flooder.closed().get(30, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void aTabSilentLongerThanJettysIdleTimeoutStaysConnected() {
        try (StreamClient client = openCounter()) {
            assertThat(catchThrowable(() -> client.closed().get(35, TimeUnit.SECONDS)))
                    .as("closed within 35 s of silence").isInstanceOf(TimeoutException.class);
            clickAndExpect(client, 1);
        }
    }

    @Test
    void aTomcatOnlySettingTheApplicationSetIsNamedInAStartupWarning(CapturedOutput output) {
        assertThat(output.getAll()).contains("Springlit runs on Jetty, where these settings for Tomcat have no effect")
                .contains("streamlit.server.websocket-receive-buffer-size=128B");
    }

    @Test
    void aHandshakeForAnotherHostNameIsRefusedWith403() throws Exception {
        String evil = "evil.example:" + port;
        assertThat(RawHttp.handshake(port, evil, "http://" + evil).status()).isEqualTo(403);
        assertThat(RawHttp.handshake(port, "localhost:" + port, "http://localhost:" + port).status()).isEqualTo(101);
    }

    @Test
    void s12_1_theHandshakesHeadersReachTheContextAndTheSessionCookieStaysHidden() throws Exception {
        try (RawWebSocket tab = new RawWebSocket(port, null, 0, "X-Trace: one\r\nAccept-Language: de-CH, de;q=0.9\r\n"
                + "Cookie: JSESSIONID=secret; theme=x\r\n")) {
            tab.readTimeout(30_000);
            tab.frame(0x81, "{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/profile\",\"query\":\"\"}"
                    .getBytes(StandardCharsets.UTF_8), true);
            StringBuilder received = new StringBuilder();
            while (received.indexOf("Headers of this tab") < 0) {
                received.append(tab.awaitMessageWith("\"type\""));
            }
            assertThat(received.toString()).contains("Locale: de-CH").containsPattern("Headers of this tab[^<]*x-trace")
                    .doesNotContain("secret").doesNotContainPattern("Headers of this tab[^<]*cookie");
        }
    }
}
