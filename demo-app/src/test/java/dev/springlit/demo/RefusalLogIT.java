package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import dev.springlit.runtime.session.SessionTag;

/**
 * What the log says about a hostile tab (issue 12, logging): it sends ~100 bad messages a second for 3 s, with
 * CR/LF, C1 controls and bidi overrides in the message type, a widget id and a page path. Each one is answered
 * with its error, but the log gets at most one line a second for the connection (saying how many refusals it
 * left out), no forged line, no raw control or bidi character, and never the session id: only its tag.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogIT {

    static final int MESSAGES = 300;
    static final String FORGED = "WARN 1 --- [main] FORGED LINE";

    @LocalServerPort
    int port;

    @Test
    void refusalsAreLoggedOnceASecondPerConnectionWithoutTheSessionIdOrForgedLines(CapturedOutput output)
            throws Exception {
        try (StreamClient tab = StreamClient.connect(port)) {
            tab.hello(null, "/counter", false);
            String sessionId = tab.awaitType("session").path("id").asString();
            tab.awaitRunEnd();
            String hostile = "\r\n" + FORGED + "\u0085\u2028\u202e";

            long start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++) {
                long sent = System.nanoTime();
                Map<String, Object> message = new LinkedHashMap<>();
                switch (i % 3) {
                    case 0 -> message.put("type", "evil" + hostile);
                    case 1 -> {
                        message.put("type", "rerun");
                        message.put("widgets", Map.of("w" + hostile, 1));
                    }
                    default -> {
                        message.put("type", "navigate");
                        message.put("page", "/nowhere" + hostile);
                    }
                }
                tab.send(message);
                JsonNode error = tab.await("the error answering message " + (i + 1),
                        m -> "error".equals(m.path("type").asString()));
                assertThat(error.path("code").asString()).isIn("bad_message", "unknown_widget", "unknown_page");
                // at most ~100 a second, under max-messages-per-second: each one is answered, none dropped
                long left = TimeUnit.MILLISECONDS.toNanos(10) - (System.nanoTime() - sent);
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + 1;
            Thread.sleep(200); // the last log line is written after its error is sent

            String log = output.getAll();
            String tag = SessionTag.of(sessionId);
            List<String> lines = Arrays.stream(log.split("\n")).filter(l -> l.contains(tag)).toList();
            System.out.println("RefusalLogIT: " + MESSAGES + " refused messages in " + seconds + " s gave " + lines.size()
                    + " log lines for session " + tag + ", e.g. " + lines.get(lines.size() - 1).trim());
            assertThat(log).as("the log").doesNotContain(sessionId);
            assertThat(lines).as("log lines about the connection").hasSizeBetween(2, (int) seconds + 1);
            assertThat(lines).anyMatch(l -> l.contains("more refusals not logged since the previous line"));
            assertThat(lines).allMatch(l -> l.contains("\\u000d\\u000a" + FORGED + "\\u0085\\u2028\\u202e"));
            assertThat(Arrays.stream(log.split("\n"))).as("forged lines").noneMatch(l -> l.startsWith(FORGED));
            assertThat(log).doesNotContain("\u0085").doesNotContain("\u2028").doesNotContain("\u202e");
        }
    }
}
