package dev.springlit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.springlit.runtime.ClientConnection;
import dev.springlit.runtime.PageDescriptor;
import dev.springlit.runtime.PageRegistry;
import dev.springlit.runtime.RuntimeSettings;
import dev.springlit.runtime.ServerMessage;
import dev.springlit.runtime.Session;
import dev.springlit.runtime.SpringlitEngine;

class SpringlitMetricsTest {

    @Test
    void runsSessionsAndRejectionsAreCounted() throws Exception {
        PageDescriptor page = new PageDescriptor("/", "Home", "", 0, "home", st -> st.title("Hi"));
        try (SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(page)), RuntimeSettings.defaults(),
                JsonMapper.builder().build())) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            new SpringlitMetrics(engine).bindTo(meters);
            Session session = engine.sessions().create(page).orElseThrow();
            session.attach(new ClientConnection() {
                @Override
                public void send(ServerMessage message) {
                }

                @Override
                public void close(String reason) {
                }
            }, true);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (meters.timer("springlit.runs", "outcome", "ok").count() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            session.interact(java.util.Map.of(), "no-such-button");
            while (meters.timer("springlit.runs", "outcome", "ok").count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(meters.timer("springlit.runs", "outcome", "ok").count()).isEqualTo(2);
            assertThat(meters.get("springlit.sessions").tag("state", "connected").gauge().value()).isEqualTo(1.0);
            assertThat(meters.counter("springlit.messages.rejected", "code", "unknown_widget").count()).isEqualTo(1.0);
        }
    }

    @Test
    void healthIsUpUntilTheSessionLimitIsReached() {
        PageDescriptor page = new PageDescriptor("/", "Home", "", 0, "home", st -> st.title("Hi"));
        RuntimeSettings oneSession = new RuntimeSettings(false, true, true, Duration.ofSeconds(120), 1);
        try (SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(page)), oneSession,
                JsonMapper.builder().build())) {
            SpringlitHealthIndicator health = new SpringlitHealthIndicator(engine);
            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
            engine.sessions().create(page).orElseThrow();
            assertThat(health.health().getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");
            assertThat(health.health().getDetails()).containsEntry("sessions", 1).containsEntry("maxSessions", 1);
        }
    }
}
