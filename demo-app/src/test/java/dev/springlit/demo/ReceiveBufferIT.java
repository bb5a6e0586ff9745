package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code streamlit.server.websocket-receive-buffer-size=128B} against the live demo app: Tomcat hands Springlit's
 * endpoint each incoming message in parts of 128 characters, and a message many times longer (a hello with a long
 * query, multi-byte characters across the parts' borders) is still read whole and answered.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "streamlit.server.websocket-receive-buffer-size=128B")
class ReceiveBufferIT {

    @LocalServerPort
    int port;

    @Test
    void aMessageManyTimesTheReceiveBufferArrivesWholeWithItsMultiByteCharacters() throws Exception {
        String query = "?q=" + "ä😀x".repeat(400); // ~1,600 characters, surrogate pairs and two-byte characters
        try (RawWebSocket tab = new RawWebSocket(port, null, 0, "")) {
            tab.readTimeout(30_000);
            tab.frame(0x81, ("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/profile\",\"query\":\""
                    + query + "\"}").getBytes(StandardCharsets.UTF_8), true);
            StringBuilder received = new StringBuilder();
            while (received.indexOf("URL:") < 0) {
                received.append(tab.awaitMessageWith("\"type\""));
            }
            assertThat(received.toString()).contains("\"type\":\"session\"").doesNotContain("\"type\":\"error\"")
                    .contains("URL: http://localhost:" + port + "/profile");
        }
    }
}
