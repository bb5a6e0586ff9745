package dev.springlit.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OriginHeaderTest {

    @Test
    void wellFormedOriginsPassAndOthersDoNot() {
        for (String ok : List.of("http://localhost:8080", "https://app.example.com", "http://127.0.0.1",
                "http://[::1]:8080", "null")) {
            assertThat(OriginHeader.isWellFormed(ok)).as(ok).isTrue();
        }
        for (String bad : List.of("http://127.0.0.1:8080.evil.example", "http://localhost:8080/path", "localhost",
                "http://", "http://a b", "http://x:99999999", "http://x\r\n", "")) {
            assertThat(OriginHeader.isWellFormed(bad)).as(bad).isFalse();
        }
    }
}
