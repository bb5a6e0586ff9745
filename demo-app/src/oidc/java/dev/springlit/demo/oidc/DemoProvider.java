package dev.springlit.demo.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo's OpenID Connect provider: Spring Authorization Server configured by Spring Boot from properties, one
 * client (the demo) and two users; the ID token carries each user's name, e-mail address and roles.
 */
@SpringBootConfiguration
@org.springframework.context.annotation.Profile(DemoProvider.PROFILE) // the demo's component scan passes it by
@EnableAutoConfiguration(excludeName = {"dev.springlit.autoconfigure.SpringlitAutoConfiguration",
        "dev.springlit.autoconfigure.SpringlitWebAutoConfiguration",
        "dev.springlit.autoconfigure.SessionStoreAutoConfiguration"})
class DemoProvider {

    static final String PROFILE = "demo-provider";

    private static final Map<String, String[]> PEOPLE = Map.of(
            "alice", new String[] {"Alice Liddell", "alice@example.org"},
            "bob", new String[] {"Bob Builder", "bob@example.org"});

    static void start(String redirectUri) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String client = "spring.security.oauth2.authorizationserver.client.demo.";
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", "9000");
        properties.put("spring.application.name", "demo-provider");
        properties.put(client + "registration.client-id", "springlit-demo");
        properties.put(client + "registration.client-secret", "{noop}demo-secret");
        properties.put(client + "registration.client-authentication-methods", "client_secret_basic");
        properties.put(client + "registration.authorization-grant-types", "authorization_code");
        properties.put(client + "registration.redirect-uris", redirectUri);
        properties.put(client + "registration.scopes", "openid,profile,email");
        properties.put(client + "require-authorization-consent", "false");
        SpringApplication provider = new SpringApplication(DemoProvider.class);
        provider.setDefaultProperties(properties);
        provider.setAdditionalProfiles(PROFILE);
        provider.run("--spring.config.name=demo-provider");
    }

    @Bean
    UserDetailsService users() {
        UserDetails alice = User.withUsername("alice").password("{noop}alice-pw").roles("USER", "ADMIN").build();
        UserDetails bob = User.withUsername("bob").password("{noop}bob-pw").roles("USER").build();
        return new InMemoryUserDetailsManager(alice, bob);
    }

    /** Name, e-mail and roles in the ID token, which the demo maps to its authorities (see OidcSecurity). */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                String[] person = PEOPLE.getOrDefault(context.getPrincipal().getName(),
                        new String[] {context.getPrincipal().getName(), null});
                List<String> roles = context.getPrincipal().getAuthorities().stream()
                        .map(a -> a.getAuthority()).filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
                context.getClaims().claim("name", person[0]).claim("roles", roles);
                if (person[1] != null) {
                    context.getClaims().claim("email", person[1]);
                }
            }
        };
    }
}
