package dev.springlit.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.springlit.Context;
import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * An app secured the usual Spring way, CSRF protection on: form login, everyone may visit, {@code /locked} for
 * nobody; page roles on {@code /admin} ({@code ADMIN}) and {@code /locked} ({@code AUDITOR}, which contradicts the
 * HTTP rules).
 */
@SpringBootApplication
public class IdentityApp {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules
                        .requestMatchers("/locked").denyAll()
                        .anyRequest().permitAll())
                .formLogin(withDefaults())
                .httpBasic(withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/"));
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("user").password("{noop}user-pw").roles("USER").build(),
                User.withUsername("admin").password("{noop}admin-pw").roles("USER", "ADMIN").build());
    }

    @StreamlitPage(path = "/", title = "Who")
    static class WhoPage implements Page {
        @Override
        public void render(St st) {
            dev.springlit.User user = st.user();
            Context context = st.context();
            st.write("user=" + (user.isLoggedIn() ? user.name() + " roles=" + user.roles() : "anonymous"));
            st.write("ip=" + context.ipAddress() + " zone=" + context.timeZone() + " locale="
                    + context.locale().toLanguageTag() + " theme=" + context.theme());
            st.write("url=" + context.url() + " headers=" + context.headers().keySet().stream().sorted().toList());
            st.write("cookies=" + context.cookies().keySet() + " forwarded=" + context.header("X-Forwarded-For").orElse("-"));
        }
    }

    @StreamlitPage(path = "/admin", title = "Admin area", roles = "ADMIN")
    static class AdminPage implements Page {
        @Override
        public void render(St st) {
            st.title("Admin area");
        }
    }

    @StreamlitPage(path = "/locked", title = "Locked", roles = "AUDITOR")
    static class LockedPage implements Page {
        @Override
        public void render(St st) {
            st.title("Locked");
        }
    }

    /** Switches to the admin page on its first run. */
    @StreamlitPage(path = "/to-admin", title = "To admin", hidden = true)
    static class ToAdminPage implements Page {
        @Override
        public void render(St st) {
            st.write("switching");
            st.switchPage(AdminPage.class);
        }
    }

    /** Logs out on its first run. */
    @StreamlitPage(path = "/logout-now", title = "Log out", hidden = true)
    static class LogoutPage implements Page {
        @Override
        public void render(St st) {
            st.logout();
        }
    }
}
