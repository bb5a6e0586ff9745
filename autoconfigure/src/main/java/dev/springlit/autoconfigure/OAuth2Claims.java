package dev.springlit.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The claims {@code st.user()} shows for an OAuth2 login: every claim of an OpenID Connect user (ID token and
 * user info), or the attributes of a plain OAuth2 user. Loaded only when spring-security-oauth2-core is present.
 */
final class OAuth2Claims {

    private OAuth2Claims() {
    }

    static Map<String, Object> of(Object principal) {
        if (principal instanceof OidcUser oidc) {
            return new LinkedHashMap<>(oidc.getClaims());
        }
        if (principal instanceof OAuth2User oauth2) {
            return new LinkedHashMap<>(oauth2.getAttributes());
        }
        return Map.of();
    }
}
