package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import dev.springlit.runtime.SpringlitEngine;

/**
 * A page's GET opens a pending session for the new tab it renders the first run for (issue 20), so a flood of GETs
 * must meet the same limits as a flood of hellos: past {@code max-sessions-per-address} a client's GETs get the
 * plain shell (no session, no adoption token) and its hellos {@code busy}, other addresses are still served, past
 * {@code max-sessions} nobody gets a new one, and the pending sessions nobody adopted end as untouched parked ones.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "streamlit.server.max-sessions=50",
        "streamlit.server.max-sessions-per-address=20",
        "streamlit.server.untouched-session-ttl=30s"})
class PageGetFloodIT {

    private static final Pattern TOKEN = Pattern.compile("<meta name=\"springlit-adopt\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    /** GET /counter from {@code from} on a connection of its own; the whole answer. */
    private String get(String from) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /counter HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as("a GET past the limits still gets the page").startsWith("HTTP/1.1 200");
            return answer;
        }
    }

    private static String token(String answer) {
        Matcher m = TOKEN.matcher(answer);
        return m.find() ? m.group(1) : null;
    }

    /** How many of {@code n} GETs from {@code from} came with a rendered first run (so a session). */
    private int rendered(String from, int n) throws IOException {
        int withSession = 0;
        for (int i = 0; i < n; i++) {
            String answer = get(from);
            if (token(answer) != null) {
                assertThat(answer).contains("Count = 0");
                withSession++;
            } else {
                assertThat(answer).doesNotContain("sl-first-run");
            }
        }
        return withSession;
    }

    @Test
    void i20_aFloodOfPageGetsOpensNoSessionsPastTheLimitsOfHellos() throws Exception {
        assertThat(rendered("127.0.0.2", 30)).as("GETs with a session, past 20 from one address").isEqualTo(20);
        assertThat(engine.sessions().countFrom("127.0.0.2")).isEqualTo(20);

        // that address is full for hellos too; another address still gets its page rendered and adopts it
        try (RawWebSocket flooder = new RawWebSocket(port, InetAddress.getByName("127.0.0.2"))) {
            flooder.frame(0x81, SessionFloodIT.HELLO, true);
            flooder.awaitText("\"busy\"");
        }
        String token = token(get("127.0.0.1"));
        assertThat(token).isNotNull();
        try (StreamClient visitor = StreamClient.connect(port)) {
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("type", "hello");
            hello.put("protocol", 1);
            hello.put("session", null);
            hello.put("page", "/counter");
            hello.put("query", "");
            hello.put("reclaim", false);
            hello.put("adopt", token);
            visitor.send(hello);
            JsonNode session = visitor.await("session", m -> m.path("type").asString().equals("session"));
            assertThat(session.path("reset").asBoolean(true)).as("adopted: no tree follows").isFalse();
        }

        // the total: 21 held; 29 more fit, then nobody gets one
        int third = rendered("127.0.0.3", 20) + rendered("127.0.0.4", 20);
        assertThat(third).isEqualTo(29);
        assertThat(engine.sessions().size()).isLessThanOrEqualTo(50);

        // nobody adopted the flood's sessions: they end as untouched parked ones
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (engine.sessions().countFrom("127.0.0.2") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(engine.sessions().countFrom("127.0.0.2")).isZero();
    }
}
