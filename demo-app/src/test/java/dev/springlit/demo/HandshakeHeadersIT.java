package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * S12.1 against the live demo app: the headers a tab's handshake sent reach {@code st.context()} (the profile page
 * lists their names and shows the locale read from {@code Accept-Language}), now that the tab's context keeps its
 * own compact copy instead of Spring's.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class HandshakeHeadersIT {

    @LocalServerPort
    int port;

    @Test
    void s12_1_theHandshakesHeadersAndLanguagesReachTheContextAndTheCookieStaysHidden() throws Exception {
        try (RawWebSocket tab = new RawWebSocket(port, null, 0, "X-Trace: one\r\nX-Trace: two\r\n"
                + "Accept-Language: de-CH, de;q=0.9\r\nCookie: JSESSIONID=secret; theme=x\r\n")) {
            tab.readTimeout(30_000);
            tab.frame(0x81, ("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/profile\",\"query\":\"\"}")
                    .getBytes(StandardCharsets.UTF_8), true);
            StringBuilder received = new StringBuilder(); // the run's output may come in several deltas
            while (received.indexOf("Headers of this tab") < 0) {
                received.append(tab.awaitMessageWith("\"type\""));
            }
            String page = received.toString();
            assertThat(page).contains("Locale: de-CH").containsPattern("Headers of this tab[^<]*x-trace")
                    .containsPattern("Headers of this tab[^<]*accept-language")
                    .containsPattern("Headers of this tab[^<]*origin");
            assertThat(page).doesNotContain("secret").doesNotContainPattern("Headers of this tab[^<]*cookie");
        }
    }
}
