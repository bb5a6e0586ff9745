package dev.springlit.deploy.jpa;

import java.util.stream.Collectors;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.micrometer.observation.tck.TestObservationRegistry;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** A JPA app (Hibernate on an in-memory H2) whose page reads a lazy association in its body and in a callback. */
@SpringBootApplication
public class LibraryApp {

    @Bean
    TestObservationRegistry observationRegistry() {
        return TestObservationRegistry.create();
    }

    @Bean
    ApplicationRunner library(Authors authors, Books books) {
        return args -> {
            Author ada = authors.save(new Author("Ada"));
            books.save(new Book("Notes on the Analytical Engine", ada));
            books.save(new Book("Sketch of the Engine", ada));
        };
    }

    @StreamlitPage(path = "/authors", title = "Authors")
    static class AuthorsPage implements Page {

        private final Authors authors;
        private final SessionState state;

        AuthorsPage(Authors authors, SessionState state) {
            this.authors = authors;
            this.state = state;
        }

        private String titles() {
            return authors.findByName("Ada").orElseThrow().getBooks().stream().map(Book::getTitle).sorted()
                    .collect(Collectors.joining("; "));
        }

        @Override
        public void render(St st) {
            st.write("Ada wrote " + authors.findByName("Ada").orElseThrow().getBooks().size() + " books");
            st.button("List them in a callback", b -> b.onClick(() -> state.put("titles", titles())));
            st.write("Titles: " + state.getOrDefault("titles", "(none yet)"));
        }
    }

    /** Shows what the log MDC carries while the page runs. */
    @StreamlitPage(path = "/mdc", title = "Log context")
    static class LogContextPage implements Page {
        @Override
        public void render(St st) {
            st.write("page=" + org.slf4j.MDC.get("springlit.page"));
            st.write("session=" + org.slf4j.MDC.get("springlit.session"));
        }
    }
}
