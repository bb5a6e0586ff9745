package dev.springlit.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The headers Springlit sends, alone and beside Spring Security; an application's own header wins. */
class SecurityHeadersTest {

    @Test
    void aloneItSendsAStrictPolicyFrameProtectionNosniffAndAReferrerPolicy() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeaders(List.of("'self'"), "", false).write(response);
        String csp = response.getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self';", "style-src 'self';", "object-src 'none'",
                "frame-ancestors 'self'", "base-uri 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void embeddingElsewhereLeavesXFrameOptionsToTheCsp() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeaders(List.of("'self'", "https://portal.example.com"), null, false).write(response);
        assertThat(response.getHeader("Content-Security-Policy"))
                .endsWith("frame-ancestors 'self' https://portal.example.com");
        assertThat(response.containsHeader("X-Frame-Options")).isFalse();

        MockHttpServletResponse nobody = new MockHttpServletResponse();
        new SecurityHeaders(List.of("'none'"), null, false).write(nobody);
        assertThat(nobody.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void withSpringSecurityOnlyTheCspIsAdded() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeaders(List.of("'self'"), null, true).write(response);
        assertThat(response.getHeaderNames()).containsExactly("Content-Security-Policy");
    }

    @Test
    void aConfiguredPolicyReplacesSpringlitsAndHeadersAlreadySetStay() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("Referrer-Policy", "no-referrer");
        new SecurityHeaders(List.of("'self'"), " default-src 'self' cdn.example ", false).write(response);
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self' cdn.example");
        assertThat(response.getHeaders("Referrer-Policy")).containsExactly("no-referrer");
    }
}
