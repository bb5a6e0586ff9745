package dev.springlit.web.http;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.ClassUtils;

/**
 * Spring Security's CSRF token of a request, as the shell's {@code <meta name="_csrf">} and
 * {@code <meta name="_csrf_header">} carry it (the standard way, which the client reads to send the header on its
 * uploads). Without Spring Security, or with CSRF protection off, there is none.
 *
 * @param headerName the header the token travels in, e.g. {@code X-CSRF-TOKEN}
 * @param token      the token's value as Spring Security hands it out for this request
 */
public record CsrfHeader(String headerName, String token) {

    private static final boolean SPRING_SECURITY = ClassUtils.isPresent(
            "org.springframework.security.web.csrf.CsrfToken", CsrfHeader.class.getClassLoader());

    /** The token Spring Security's {@code CsrfFilter} put on {@code request}, or {@code null}. */
    public static CsrfHeader of(HttpServletRequest request) {
        return SPRING_SECURITY ? SpringSecurityCsrf.of(request) : null;
    }
}
