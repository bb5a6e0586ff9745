package dev.springlit.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** A small app secured the usual Spring way: HTTP basic, and /admin only for admins. */
@SpringBootApplication
public class SecuredApp {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules
                        .requestMatchers("/admin").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(withDefaults())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("user").password("{noop}user-pw").roles("USER").build(),
                User.withUsername("admin").password("{noop}admin-pw").roles("USER", "ADMIN").build());
    }

    @StreamlitPage(path = "/", title = "Welcome")
    static class WelcomePage implements Page {
        @Override
        public void render(St st) {
            st.write("Hello", SecurityContextHolder.getContext().getAuthentication().getName());
        }
    }

    @StreamlitPage(path = "/admin", title = "Admin area")
    static class AdminPage implements Page {
        @Override
        public void render(St st) {
            st.title("Admin area");
        }
    }
}
