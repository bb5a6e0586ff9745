package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.SpringlitEngine;

/**
 * Clients that abuse the connection: one that floods messages past {@code streamlit.server.max-messages-per-second}
 * is told {@code rate_limited}, then disconnected with 1008, and its session waits parked for the reconnect; one
 * that stops reading while its page writes a lot is disconnected once {@code streamlit.server.max-outbound-backlog}
 * is exceeded, without holding up anybody else.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "springlit-test.big-output-page=true",
        "streamlit.server.max-messages-per-second=200",
        "streamlit.server.max-outbound-backlog=256KB",
        "streamlit.server.send-time-limit=60s"})
class FloodIT {

    private static final String RERUN = "{\"type\":\"rerun\",\"widgets\":{},\"trigger\":null}";

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    /** Clicks Increment and waits for the run that shows {@code count}. */
    private static void clickAndExpect(StreamClient client, String increment, int count) {
        client.click(increment);
        client.await("Count = " + count, message -> "delta".equals(message.path("type").asString())
                && !message.path("status").isNull() && client.screen().contains("Count = " + count));
        assertThat(client.screen()).contains("Count = " + count);
    }

    private static void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + limit.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aFloodingClientIsRateLimitedThenDisconnectedAndItsSessionWaitsForTheReconnect() throws Exception {
        String sessionId;
        String increment;
        StreamClient flooder = StreamClient.connect(port);
        try {
            flooder.hello(null, "/counter", false);
            sessionId = flooder.awaitType("session").path("id").asString();
            flooder.awaitRunEnd();
            increment = flooder.buttonId("Increment");
            clickAndExpect(flooder, increment, 1);

            int sent = 0;
            long start = System.nanoTime();
            try {
                while (sent < 20_000 && !flooder.closed().isDone()) {
                    flooder.sendRaw(RERUN);
                    sent++;
                }
            } catch (RuntimeException refusedOnceClosed) {
                // the server closed the connection while we were still sending
            }
            long floodMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            JsonNode limited = flooder.awaitError("rate_limited");
            assertThat(limited.path("message").asString()).contains("streamlit.server.max-messages-per-second");
            int code = flooder.closed().get(StreamClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(code).as("close code after %d messages in %d ms", sent, floodMs).isEqualTo(1008);
            System.out.println("FloodIT: a tab sent " + sent + " reruns in " + floodMs + " ms: rate_limited, then closed "
                    + "with " + code);
        } finally {
            flooder.close();
        }

        Session session = engine.sessions().find(sessionId).orElseThrow(
                () -> new AssertionError("The flooding tab's session is gone"));
        awaitTrue("the session is parked", StreamClient.TIMEOUT, () -> !session.isConnected());
        assertThat(session.isAlive()).isTrue();

        try (StreamClient again = StreamClient.connect(port)) {
            again.hello(sessionId, "/counter", true);
            assertThat(again.awaitType("session").path("id").asString()).isEqualTo(sessionId);
            again.await("the page with Count = 1", message -> again.screen().contains("Count = 1"));
            awaitTrue("the queued reruns are done", StreamClient.TIMEOUT, session::isIdle);
            clickAndExpect(again, again.buttonId("Increment"), 2);
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedOnceItsBacklogIsFullAndOthersGoOn() throws Exception {
        try (StreamClient bystander = StreamClient.connect(port)) {
            bystander.hello(null, "/counter", false);
            bystander.awaitRunEnd();
            String increment = bystander.buttonId("Increment");

            try (SlowTab slow = SlowTab.open(port, engine)) {
                Session session = slow.session;
                // From here on the slow tab reads nothing: every run of its page writes ~1 MB more.
                long start = System.nanoTime();
                int clicks = 0;
                while (session.isConnected() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30)) {
                    if (!slow.rerun()) {
                        break;
                    }
                    clicks++;
                    clickAndExpect(bystander, increment, clicks);
                    Thread.sleep(20);
                }
                long disconnectedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(session.isConnected()).as("the slow tab is still attached after %d ms", disconnectedAfterMs)
                        .isFalse();
                assertThat(disconnectedAfterMs).as("time until the slow tab was disconnected").isLessThan(10_000);
                assertThat(session.isAlive()).as("its session is parked, not destroyed").isTrue();
                // The bystander was never held up.
                clickAndExpect(bystander, increment, clicks + 1);
                System.out.println("FloodIT: slow tab disconnected after " + disconnectedAfterMs + " ms, " + clicks
                        + " reruns; the bystander counted every click");
            }
        }
    }
}
