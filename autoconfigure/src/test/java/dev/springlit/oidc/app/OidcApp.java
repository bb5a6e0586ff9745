package dev.springlit.oidc.app;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;
import dev.springlit.User;

/**
 * A Springlit app that logs in with OpenID Connect the Spring way ({@code oauth2Login()}, CSRF on), at
 * {@code 127.0.0.1} (the provider is at {@code localhost}, so the two keep their own cookies).
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"})
public class OidcApp {

    /** Starts the app on {@code port} as a client of the provider at {@code issuer}. */
    public static ConfigurableApplicationContext start(int port, String issuer) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String registration = "spring.security.oauth2.client.registration.springlit-idp.";
        properties.put("server.port", String.valueOf(port));
        properties.put("server.address", "127.0.0.1");
        properties.put(registration + "client-id", "springlit");
        properties.put(registration + "client-secret", "secret");
        properties.put(registration + "authorization-grant-type", "authorization_code");
        properties.put(registration + "scope", "openid,profile,email");
        properties.put("spring.security.oauth2.client.provider.springlit-idp.issuer-uri", issuer);
        properties.put("spring.main.banner-mode", "off");
        properties.put("streamlit.client.show-error-details", "true");
        SpringApplication application = new SpringApplication(OidcApp.class);
        application.setDefaultProperties(properties);
        return application.run();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .oauth2Login(withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/"));
        return http.build();
    }

    /** Shows the user and a note kept in the session's state; {@code ?note=}, {@code ?login=1}, {@code ?logout=1}. */
    @StreamlitPage(path = "/", title = "Profile")
    static class ProfilePage implements Page {
        private final SessionState state;

        ProfilePage(SessionState state) {
            this.state = state;
        }

        @Override
        public void render(St st) {
            var query = st.queryParams();
            if (query.get("note") != null) {
                state.put("note", query.get("note"));
                query.remove("note");
            }
            if ("1".equals(query.get("login"))) {
                query.remove("login");
                st.login();
            }
            if ("1".equals(query.get("logout"))) {
                query.remove("logout");
                st.logout();
            }
            if (st.button("Log in")) {
                st.login();
            }
            if (st.button("Log out")) {
                st.logout();
            }
            if (st.button("Write a note")) {
                state.put("note", "before-login");
            }
            User user = st.user();
            st.write("user=" + (user.isLoggedIn() ? user.name() : "anonymous") + " email="
                    + user.email().orElse("-") + " sub=" + user.claim("sub").orElse("-"));
            st.write("note=" + state.getOrDefault("note", "none"));
        }
    }
}
