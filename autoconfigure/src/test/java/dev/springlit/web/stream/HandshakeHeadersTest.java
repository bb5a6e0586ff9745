package dev.springlit.web.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import dev.springlit.runtime.identity.TabContext;

/** S12.1: a tab's context keeps its handshake's headers as the browser sent them, in one compact copy. */
class HandshakeHeadersTest {

    private static HttpHeaders handshake() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Host", "app.example.com");
        headers.add("X-Trace", "first");
        headers.add("Cookie", "a=1");
        headers.add("x-trace", "second");
        headers.add("Accept-Language", "de-CH, fr;q=0.8");
        return headers;
    }

    @Test
    void s12_1_headersAreLookedUpInAnyCaseWithEveryValueAndListedByLowerCaseNameInTheOrderSent() {
        HandshakeHeaders headers = HandshakeHeaders.of(handshake());

        assertThat(headers.get("X-TRACE")).containsExactly("first", "second");
        assertThat(headers.get("host")).containsExactly("app.example.com");
        assertThat(headers.get("Origin")).isNull();
        assertThat(headers.containsKey("COOKIE")).isTrue();
        assertThat(headers.containsKey("origin")).isFalse();
        assertThat(headers).hasSize(4);
        assertThat(headers.keySet()).containsExactly("host", "x-trace", "cookie", "accept-language");
        assertThat(headers).isEqualTo(Map.of("host", List.of("app.example.com"), "x-trace", List.of("first", "second"),
                "cookie", List.of("a=1"), "accept-language", List.of("de-CH, fr;q=0.8")));
    }

    @Test
    void s12_1_theContextShowsTheHeadersButNotTheCookieAndReadsTheLanguagesFromThem() {
        TabContext context = new TabContext(HandshakeHeaders.of(handshake()), Map.of(), "JSESSIONID",
                "http://app.example.com", "/", "10.0.0.1", List.of(Locale.GERMAN), ZoneOffset.UTC, "light");

        assertThat(context.headers()).containsExactly(Map.entry("host", "app.example.com"),
                Map.entry("x-trace", "first"), Map.entry("accept-language", "de-CH, fr;q=0.8"));
        assertThat(context.headerValues("X-Trace")).containsExactly("first", "second");
        assertThat(context.header("cookie")).contains("a=1");
        assertThat(context.allHeaders()).isSameAs(context.withBrowser(List.of(Locale.FRENCH), context.timeZone(), "dark")
                .allHeaders()); // a browser report does not copy them
    }

    @Test
    void headersOfAnUnusualCaseOrNoneAtAllAreKept() {
        HandshakeHeaders none = HandshakeHeaders.of(new HttpHeaders());
        assertThat(none).isEmpty();
        assertThat(none.get("host")).isNull();
        assertThat(none.get(42)).isNull();
    }
}
