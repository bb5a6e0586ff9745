package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import dev.springlit.runtime.session.CommittedState;
import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.SpringlitEngine;

/**
 * No lost input (issue 8): 500 clicks sent back to back, as fast as the socket takes them, end at exactly
 * {@code Count = 500}, with and without reruns in between that interrupt the running click (S2.4: the
 * interrupted run writes nothing, and its click is replayed). The inbound rate limit is raised for this class.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "streamlit.server.max-messages-per-second=100000")
class NoLostClicksIT {

    static final int CLICKS = 500;
    private static final String RERUN = "{\"type\":\"rerun\",\"widgets\":{},\"trigger\":null}";

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    @ParameterizedTest(name = "{0}, reruns between clicks: {1}")
    @CsvSource({"/counter, false", "/counter-callbacks, false", "/counter, true", "/counter-callbacks, true"})
    void fiveHundredClicksAsFastAsPossibleCountFiveHundred(String page, boolean reruns) throws Exception {
        try (StreamClient client = StreamClient.connect(port)) {
            client.hello(null, page, false);
            String sessionId = client.awaitType("session").path("id").asString();
            client.awaitRunEnd();
            String increment = client.buttonId("Increment");
            String click = "{\"type\":\"rerun\",\"widgets\":{},\"trigger\":\"" + increment + "\"}";

            long start = System.nanoTime();
            for (int i = 0; i < CLICKS; i++) {
                client.sendRaw(click);
                if (reruns && i % 3 == 0) {
                    client.sendRaw(RERUN);
                }
            }
            long sentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            JsonNode last = client.await("Count = " + CLICKS, m -> "delta".equals(m.path("type").asString())
                    && !m.path("status").isNull() && client.screen().contains("Count = " + CLICKS));
            long doneMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            Session session = engine.sessions().find(sessionId).orElseThrow();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!session.isIdle() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(session.isIdle()).isTrue();
            assertThat(CommittedState.of(session).values()).containsEntry("count", CLICKS);
            assertThat(client.screen()).contains("Count = " + CLICKS).doesNotContain("Count = " + (CLICKS + 1));
            assertThat(last.path("status").asString()).isEqualTo("ok");
            System.out.printf("NoLostClicksIT %s (reruns %s): %d clicks sent in %d ms, Count = %d after %d ms, "
                    + "%d runs%n", page, reruns, CLICKS, sentMs, CLICKS, doneMs, session.runCount());
        }
    }
}
