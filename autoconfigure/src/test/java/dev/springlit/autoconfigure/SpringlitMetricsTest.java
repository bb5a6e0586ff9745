package dev.springlit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.run.RunLimits;
import dev.springlit.runtime.run.RuntimeSettings;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.session.Session;
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
            session.interact(Map.of(), "no-such-button");
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
        RuntimeSettings oneSession = RuntimeSettings.builder().maxSessions(1).build();
        try (SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(page)), oneSession,
                JsonMapper.builder().build())) {
            SpringlitHealthIndicator health = new SpringlitHealthIndicator(engine);
            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
            engine.sessions().create(page).orElseThrow();
            assertThat(health.health().getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");
            assertThat(health.health().getDetails()).containsEntry("sessions", 1).containsEntry("maxSessions", 1);
        }
    }

    private static ClientConnection quietTab() {
        return new ClientConnection() {
            @Override
            public void send(ServerMessage message) {
            }

            @Override
            public void close(String reason) {
            }
        };
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void abandonedRunsAreCountedAndTheHealthShowsTheStuckOnesAndTheRefusedPage() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        PageDescriptor page = new PageDescriptor("/spin", "Spin", "", 0, "spin", st -> {
            while (!release.get()) {
                Thread.onSpinWait(); // ignores interrupts, never calls St
            }
        });
        RunLimits limits = new RunLimits(100, Duration.ofMillis(100), Duration.ofMillis(100), 1);
        try (SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(page)), RuntimeSettings.defaults(),
                JsonMapper.builder().build(), limits)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            new SpringlitMetrics(engine).bindTo(meters);
            SpringlitHealthIndicator health = new SpringlitHealthIndicator(engine);
            engine.sessions().create(page).orElseThrow().attach(quietTab(), true);
            awaitTrue("the run to be abandoned", () -> engine.abandonedRuns() == 1);

            assertThat(meters.counter("springlit.runs.overtime", "page", "/spin").count()).isEqualTo(1.0);
            assertThat(meters.counter("springlit.runs.abandoned", "page", "/spin").count()).isEqualTo(1.0);
            assertThat(meters.get("springlit.runs.stuck").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("springlit.run.threads").gauge().value()).isGreaterThanOrEqualTo(1.0);
            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
            assertThat(health.health().getDetails()).containsEntry("stuckRuns", 1).containsEntry("abandonedRuns", 1L)
                    .containsEntry("refusedPages", Set.of("/spin"));

            release.set(true);
            awaitTrue("the stuck run to end", () -> engine.stuckRuns() == 0);
            assertThat(meters.get("springlit.runs.stuck").gauge().value()).isZero();
            assertThat(health.health().getDetails()).containsEntry("refusedPages", Set.of());
        }
    }

    @Test
    void aFailingBackgroundTaskIsCountedAndMakesTheHealthDownUntilItRecovers() throws Exception {
        AtomicBoolean poisoned = new AtomicBoolean(true);
        PageDescriptor page = new PageDescriptor("/", "Slow", "", 0, "slow", st -> {
            for (int i = 0; i < 200; i++) {
                st.text("step " + i);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(page)), RuntimeSettings.defaults(),
                JsonMapper.builder().build())) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            new SpringlitMetrics(engine).bindTo(meters);
            SpringlitHealthIndicator health = new SpringlitHealthIndicator(engine);
            engine.sessions().create(page).orElseThrow().attach(new ClientConnection() {
                @Override
                public void send(ServerMessage message) {
                    if (poisoned.get() && Thread.currentThread().getName().equals("springlit-flush")) {
                        throw new OutOfMemoryError("injected");
                    }
                }

                @Override
                public void close(String reason) {
                }
            }, true);
            awaitTrue("a flush failure", () -> meters.counter("springlit.housekeeping.failures", "task", "flush").count() >= 2);
            // a tick with nothing new to send succeeds and clears the failure, so read one report that shows it
            AtomicReference<Health> down = new AtomicReference<>();
            awaitTrue("the health to report the failing flusher", () -> {
                Health report = health.health();
                if (report.getStatus().getCode().equals("DOWN")) {
                    down.set(report);
                }
                return down.get() != null;
            });
            assertThat(down.get().getDetails()).containsEntry("failingTasks",
                    List.of("flush (java.lang.OutOfMemoryError)"));

            poisoned.set(false);
            awaitTrue("the flusher to recover", () -> engine.failingHousekeeping().isEmpty());
            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
            assertThat(health.health().getDetails()).doesNotContainKey("failingTasks");
        }
    }
}
