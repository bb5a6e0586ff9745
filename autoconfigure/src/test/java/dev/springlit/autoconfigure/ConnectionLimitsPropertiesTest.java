package dev.springlit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.web.stream.StreamHandler;

/** The connection and session-flood limits of issue 12: documented, bound, and handed to the runtime. */
class ConnectionLimitsPropertiesTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SpringlitAutoConfiguration.class,
                    SpringlitWebAutoConfiguration.class));

    @Test
    void everyLimitIsDocumentedInTheConfigurationMetadata() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("configuration processor output").isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String property : new String[] {"max-sessions-per-address", "untouched-session-ttl",
                    "max-connections-per-address", "hello-timeout", "max-hello-message-size",
                    "message-completion-timeout", "max-unfinished-messages-size", "silent-connection-timeout"}) {
                assertThat(json).contains("\"name\": \"streamlit.server." + property + "\"");
            }
        }
    }

    @Test
    void theSessionLimitsReachTheRegistry() {
        web.withUserConfiguration(SpringlitAutoConfigurationTest.CounterPage.class)
                .withPropertyValues("streamlit.server.max-sessions-per-address=1").run(context -> {
                    assertThat(context).hasSingleBean(StreamHandler.class);
                    SpringlitEngine engine = context.getBean(SpringlitEngine.class);
                    var page = engine.pages().home().orElseThrow();
                    assertThat(engine.sessions().create(page, "192.0.2.1")).isPresent();
                    assertThat(engine.sessions().create(page, "192.0.2.1")).as("the second from one address").isEmpty();
                    assertThat(engine.sessions().create(page, "192.0.2.2")).isPresent();
                });
    }
}
