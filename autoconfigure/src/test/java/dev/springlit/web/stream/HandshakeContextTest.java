package dev.springlit.web.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/** S12.1: what the handshake says about a tab (its cookies, the page's origin) is read as a browser means it. */
class HandshakeContextTest {

    @Test
    void s12_1_theHandshakeGivesCookiesAndTheOriginWithTheContextPath() {
        assertThat(HandshakeContext.cookies(List.of("a=1; b=\"two\"; =x; c", "a=9")))
                .containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "two"),
                        java.util.Map.entry("c", ""));
        assertThat(HandshakeContext.origin(URI.create("http://app.example.com/shop/_springlit/stream")))
                .isEqualTo("http://app.example.com/shop");
        assertThat(HandshakeContext.origin(URI.create("wss://app.example.com:443/_springlit/stream")))
                .isEqualTo("https://app.example.com");
        assertThat(HandshakeContext.origin(URI.create("http://localhost:8080/_springlit/stream")))
                .isEqualTo("http://localhost:8080");
    }
}
