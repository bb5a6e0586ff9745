package dev.springlit.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.csrf.CsrfToken;

import dev.springlit.runtime.identity.TabIdentity.FormToken;

/**
 * Reads the CSRF token Spring Security's {@code CsrfFilter} put on the WebSocket handshake request, so the tab's
 * {@code st.logout()} can post the app's logout form the Spring way. Null when the app has no CSRF protection.
 */
final class SpringSecurityCsrf {

    private SpringSecurityCsrf() {
    }

    static FormToken logoutToken(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            return new FormToken(token.getParameterName(), token.getToken());
        }
        return null;
    }
}
