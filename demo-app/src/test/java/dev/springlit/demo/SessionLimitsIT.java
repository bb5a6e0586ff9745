package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** S1.5 (widget values come back after the server lost the session) and streamlit.server.max-sessions. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "streamlit.server.max-sessions=3")
class SessionLimitsIT {

    @LocalServerPort
    int port;

    @Test
    @org.springframework.test.annotation.DirtiesContext
    void S1_5_widgetValuesTheTabResendsAfterARestartAreUsedWithoutCallbacks() {
        String numberId;
        try (StreamClient first = StreamClient.connect(port)) {
            first.hello(null, "/widgets", false);
            first.awaitRunEnd();
            Matcher id = Pattern.compile("data-sl-widget=\"([^\"]+)\"[^>]*data-sl-kind=\"number_input\"").matcher(first.screen());
            assertThat(id.find()).isTrue();
            numberId = id.group(1);
        }
        try (StreamClient afterRestart = StreamClient.connect(port)) {
            // the session id the tab remembers is unknown here, as after a restart; it re-sends what it shows
            Map<String, Object> hello = new java.util.LinkedHashMap<>();
            hello.put("type", "hello");
            hello.put("protocol", 1);
            hello.put("session", "AAAAAAAAAAAAAAAAAAAAAA");
            hello.put("page", "/widgets");
            hello.put("query", "");
            hello.put("reclaim", true);
            hello.put("widgets", Map.of(numberId, 9));
            afterRestart.send(hello);
            String session = afterRestart.awaitType("session").path("id").asString();
            assertThat(session).isNotEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
            afterRestart.awaitRunEnd();
            assertThat(afterRestart.screen()).contains("numberInput: 9");
        }
    }

    @Test
    @org.springframework.test.annotation.DirtiesContext // it fills the server up; other tests get a fresh one
    void pastMaxSessionsANewTabIsToldTheServerIsBusy() throws Exception {
        try (StreamClient a = StreamClient.connect(port); StreamClient b = StreamClient.connect(port);
             StreamClient c = StreamClient.connect(port)) {
            for (StreamClient tab : new StreamClient[] {a, b, c}) {
                tab.hello(null, "/counter", false);
                tab.awaitRunEnd();
            }
            try (StreamClient refused = StreamClient.connect(port)) {
                refused.hello(null, "/counter", false);
                assertThat(refused.awaitType("busy").path("message").asString()).contains("too many open sessions");
                assertThat(refused.closed().get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1008);
            }
            a.click(a.buttonId("Increment"));
            a.await("Count = 1", m -> StreamClient.html(m).contains("Count = 1"));
        }
    }
}
