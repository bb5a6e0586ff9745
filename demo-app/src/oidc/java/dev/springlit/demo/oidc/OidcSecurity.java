package dev.springlit.demo.oidc;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo's security with logins: every page open to everyone (page roles still apply: /admin needs ADMIN),
 * OpenID Connect login, logout back to /profile, CSRF protection on (uploads carry the tab's session id instead).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Profile("oidc")
class OidcSecurity {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .oauth2Login(withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/profile"))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/_springlit/upload/**"));
        return http.build();
    }

    /** The provider's "roles" claim becomes the user's ROLE_ authorities. */
    @Bean
    GrantedAuthoritiesMapper rolesFromIdToken() {
        return (Collection<? extends GrantedAuthority> authorities) -> {
            Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc
                        && oidc.getIdToken().getClaim("roles") instanceof List<?> roles) {
                    roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                }
            }
            return mapped;
        };
    }
}
