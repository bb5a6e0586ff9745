package dev.springlit.deploy.jpa;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.observation.tck.TestObservationRegistry;

import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.test.AutoConfigurePageTester;
import dev.springlit.test.PageTester;
import dev.springlit.test.PageTesterFactory;

/**
 * Issue 15: runs get what requests have. With JPA and {@code spring.jpa.open-in-view} on (Boot's default), a page
 * reads a lazy association in its body and in a callback; each body and callback is a Micrometer observation.
 */
@SpringBootTest(classes = LibraryApp.class, properties = "spring.datasource.url=jdbc:h2:mem:library;DB_CLOSE_DELAY=-1")
@AutoConfigurePageTester
class RunInterceptorsJpaTest {

    @Autowired
    PageTesterFactory pages;

    @Autowired
    TestObservationRegistry observations;

    @Autowired
    SpringlitEngine engine;

    /**
     * The first run in this JVM loads and compiles Hibernate's query path: it took 4.8 s at load 20-27 (the next
     * first run 34 ms), past the tester's 5 s under heavier load. Later runs keep the tester's default.
     */
    private static final Duration FIRST_RUN = Duration.ofSeconds(30);

    @Test
    void aPageReadsALazyAssociationInItsBodyAndInACallback() {
        try (PageTester page = pages.create("/authors").run(FIRST_RUN)) {
            assertThat(page.exceptions()).isEmpty();
            assertThat(page.markdown(0).value()).isEqualTo("Ada wrote 2 books");
            page.button("List them in a callback").click().run();
            assertThat(page.exceptions()).isEmpty();
            assertThat(page.markdown(1).value())
                    .isEqualTo("Titles: Notes on the Analytical Engine; Sketch of the Engine");
        }
    }

    @Test
    void eachBodyAndCallbackIsAnObservationWithThePageAndItsOutcome() {
        observations.clear();
        try (PageTester page = pages.create("/authors").run(FIRST_RUN)) {
            page.button("List them in a callback").click().run();
        }
        assertThat(observations).hasNumberOfObservationsWithNameEqualTo("springlit.run", 3);
        assertThat(observations).hasAnObservation(observation -> observation
                .hasNameEqualTo("springlit.run")
                .hasLowCardinalityKeyValue("springlit.page", "/authors")
                .hasLowCardinalityKeyValue("springlit.invocation", "callback")
                .hasLowCardinalityKeyValue("springlit.outcome", "ok"));
        assertThat(observations).hasAnObservation(observation -> observation
                .hasNameEqualTo("springlit.run")
                .hasLowCardinalityKeyValue("springlit.invocation", "body")
                .hasLowCardinalityKeyValue("springlit.outcome", "ok"));
    }

    @Test
    void springlitsThreeInterceptorsAreInstalled() {
        assertThat(engine.interceptors().size()).as("observation, MDC and JPA").isEqualTo(3);
    }

    @Test
    void theLogContextCarriesThePageAndASessionTagButNeverTheSessionId() {
        try (PageTester page = pages.create("/mdc").run()) {
            assertThat(page.markdown(0).value()).isEqualTo("page=/mdc");
            String tag = page.markdown(1).value().substring("session=".length());
            assertThat(tag).isNotBlank().isNotEqualTo("null");
            assertThat(engine.sessions().find(tag)).as("the tag opens no session").isEmpty();
        }
        assertThat(org.slf4j.MDC.get("springlit.page")).as("the test thread's MDC").isNull();
    }
}
