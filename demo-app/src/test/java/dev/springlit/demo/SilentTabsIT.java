package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.runtime.session.Session;

/**
 * A tab whose socket goes silent (it answers no pings) is closed and its session parked, while a quiet tab that
 * answers pings stays, with {@code silent-connection-timeout} shortened to 4 s. Its own server: beside
 * {@link HostileConnectionsIT}'s attack, 4 s closed that test's bystander tab too, whose pong the attacked server
 * read late.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "streamlit.server.silent-connection-timeout=4s"})
class SilentTabsIT {

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    @Test
    void aSilentTabIsClosedAndItsSessionParkedWhileAQuietTabThatAnswersPingsStays() throws Exception {
        try (StreamClient quiet = StreamClient.connect(port);
             RawWebSocket silent = new RawWebSocket(port, InetAddress.getByName("127.0.0.2"))) {
            quiet.hello(null, "/counter", false);
            quiet.awaitRunEnd();
            silent.frame(0x81, "{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/counter\",\"query\":\"\"}"
                    .getBytes(StandardCharsets.UTF_8), true);
            String answer = silent.awaitTextOf("\"type\":\"session\"");
            String sessionId = answer.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            Session session = engine.sessions().find(sessionId).orElseThrow();
            long start = System.nanoTime();
            // The raw socket answers no ping: after silent-connection-timeout (4 s) it is closed with 1001.
            silent.readTimeout(4_000 + (int) HostileConnectionsIT.SLACK_MS + 2_000);
            int code = silent.awaitCloseFrame();
            long closedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            silent.readTimeout(15_000);
            boolean ended = silent.awaitEnd();
            long endedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) - closedAfterMs;
            assertThat(ended).as("the TCP connection ends although the client never answers the close frame").isTrue();
            assertThat(code).isEqualTo(1001);
            assertThat(closedAfterMs).as("silent tab closed after (ms)")
                    .isBetween(3_500L, 4_000 + HostileConnectionsIT.SLACK_MS);
            assertThat(session.isConnected()).isFalse();
            assertThat(session.isAlive()).as("its session is parked, not destroyed").isTrue();
            // The quiet tab sent nothing all along, yet its client answered the pings: it is still there.
            assertThat(quiet.closed()).isNotDone();
            quiet.click(quiet.buttonId("Increment"));
            quiet.await("Count = 1", m -> quiet.screen().contains("Count = 1"));
            System.out.println("SilentTabsIT: a tab that answers no pings was closed with " + code + " after "
                    + closedAfterMs + " ms of silence (its TCP connection ended " + endedAfterMs + " ms later, though it "
                    + "never answered the close frame); a quiet tab that answers them stayed");
        }
    }
}
