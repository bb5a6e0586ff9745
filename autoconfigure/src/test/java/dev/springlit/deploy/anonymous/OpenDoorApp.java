package dev.springlit.deploy.anonymous;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Spring Security with a public page: form login, CSRF on, and "/" open to anonymous visitors. */
@SpringBootApplication
public class OpenDoorApp {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules
                        .requestMatchers("/", "/whoami", "/_springlit/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(User.withUsername("user").password("{noop}pw").roles("USER").build());
    }

    /** Who is there, as a page or a controller sees it. */
    static String who() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "nobody"
                : authentication.getClass().getSimpleName() + " " + authentication.getName() + " "
                        + authentication.getAuthorities();
    }

    @RestController
    static class WhoAmI {
        @GetMapping("/whoami")
        String whoami() {
            return who();
        }
    }

    @StreamlitPage(path = "/", title = "Open door")
    static class OpenDoorPage implements Page {
        @Override
        public void render(St st) {
            st.write("who: " + who());
        }
    }
}
