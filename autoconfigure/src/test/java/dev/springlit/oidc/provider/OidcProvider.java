package dev.springlit.oidc.provider;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the login tests: Spring Authorization Server as Spring Boot configures it
 * from properties, one client ({@code springlit}/{@code secret}) and one user ({@code alice}/{@code alice-pw})
 * whose ID token names her and her e-mail address. Started on a random port of {@code localhost}.
 */
@SpringBootApplication(excludeName = {"dev.springlit.autoconfigure.SpringlitAutoConfiguration",
        "dev.springlit.autoconfigure.SpringlitWebAutoConfiguration",
        "dev.springlit.autoconfigure.SessionStoreAutoConfiguration"})
public class OidcProvider {

    /** Starts the provider for a client whose login comes back to {@code redirectUri}. */
    public static ConfigurableApplicationContext start(String redirectUri) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String client = "spring.security.oauth2.authorizationserver.client.springlit.";
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put(client + "registration.client-id", "springlit");
        properties.put(client + "registration.client-secret", "{noop}secret");
        properties.put(client + "registration.client-authentication-methods", "client_secret_basic");
        properties.put(client + "registration.authorization-grant-types", "authorization_code");
        properties.put(client + "registration.redirect-uris", redirectUri);
        properties.put(client + "registration.scopes", "openid,profile,email");
        properties.put(client + "require-authorization-consent", "false");
        properties.put("spring.main.banner-mode", "off");
        SpringApplication application = new SpringApplication(OidcProvider.class);
        application.setDefaultProperties(properties);
        return application.run();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("alice").password("{noop}alice-pw").roles("USER").build());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claim("name", "Alice Liddell").claim("email", "alice@example.org");
            }
        };
    }
}
