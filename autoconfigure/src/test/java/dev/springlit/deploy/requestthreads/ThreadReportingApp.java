package dev.springlit.deploy.requestthreads;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** An app whose {@code /thread} answers with the name of the Tomcat thread that served it. */
@SpringBootApplication
public class ThreadReportingApp {

    /** Requests being served now, and the most at once. */
    static final AtomicInteger serving = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();

    @Bean
    SecurityFilterChain openDoor(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll()).build();
    }

    @RestController
    static class ThreadName {
        @GetMapping("/thread")
        String thread(@RequestParam(defaultValue = "0") long holdMillis) throws InterruptedException {
            mostAtOnce.accumulateAndGet(serving.incrementAndGet(), Math::max);
            try {
                Thread.sleep(holdMillis);
                return Thread.currentThread().getName();
            } finally {
                serving.decrementAndGet();
            }
        }
    }

    @StreamlitPage(path = "/", title = "Threads")
    static class Home implements Page {
        @Override
        public void render(St st) {
            st.write("threads");
        }
    }
}
