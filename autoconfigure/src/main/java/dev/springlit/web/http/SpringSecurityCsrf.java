package dev.springlit.web.http;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;

/** Reads Spring Security's {@code CsrfToken}; only loaded when Spring Security is on the classpath. */
final class SpringSecurityCsrf {

    private SpringSecurityCsrf() {
    }

    static CsrfHeader of(HttpServletRequest request) {
        // getToken() also loads a deferred token, and saves a new one in the session when there was none
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            return new CsrfHeader(token.getHeaderName(), token.getToken());
        }
        return null;
    }
}
