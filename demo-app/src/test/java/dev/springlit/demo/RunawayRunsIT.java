package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;

import dev.springlit.autoconfigure.SpringlitHealthIndicator;
import dev.springlit.autoconfigure.SpringlitMetrics;
import dev.springlit.runtime.SpringlitEngine;

/**
 * Issue 12, item 4: a page stuck in a CPU loop that never calls St or SessionState (and ignores interrupts) used to
 * keep its thread and its core forever. Now the run is interrupted at {@code streamlit.runner.max-run-time},
 * abandoned after {@code interrupt-grace} (the tab is told, the session goes on), counted in the metrics and shown
 * by the health contribution; past {@code max-abandoned-runs-per-page} still-stuck runs the page is refused with a
 * clear error, and it is served again once they end. A tab on another page counts every click throughout.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "springlit-test.spin-page=true",
        "streamlit.runner.max-run-time=1s",
        "streamlit.runner.interrupt-grace=500ms",
        "streamlit.runner.max-abandoned-runs-per-page=2"})
class RunawayRunsIT {

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    @Autowired
    SpringlitMetrics metrics;

    @Autowired
    SpringlitHealthIndicator health;

    private int probeCount;

    @AfterEach
    void release() {
        SpinTestPage.release();
    }

    @Test
    void aStuckRunIsAbandonedWithAMessageCountedAndPastTheCapItsPageIsRefusedWhileOtherTabsCount() throws Exception {
        SpinTestPage.reset();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        metrics.bindTo(meters);
        try (StreamClient probe = StreamClient.connect(port); StreamClient first = StreamClient.connect(port);
             StreamClient second = StreamClient.connect(port); StreamClient third = StreamClient.connect(port)) {
            probe.hello(null, "/counter", false);
            probe.awaitRunEnd();
            String increment = probe.buttonId("Increment");

            long abandonedAfterMs = openSpinningTab(first);
            clicks(probe, increment, 10);
            openSpinningTab(second);
            clicks(probe, increment, 10);
            assertThat(SpinTestPage.spinning()).as("both runs still hold their thread").isEqualTo(2);
            assertThat(meters.counter("springlit.runs.overtime", "page", "/test-spin").count()).isEqualTo(2.0);
            assertThat(meters.counter("springlit.runs.abandoned", "page", "/test-spin").count()).isEqualTo(2.0);
            assertThat(meters.get("springlit.runs.stuck").gauge().value()).isEqualTo(2.0);
            Health stuck = health.health();
            assertThat(stuck.getDetails()).containsEntry("stuckRuns", 2).containsEntry("abandonedRuns", 2L)
                    .containsEntry("refusedPages", java.util.Set.of("/test-spin"));

            long start = System.nanoTime();
            third.hello(null, "/test-spin", false);
            JsonNode refused = third.awaitRunEnd();
            long refusedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(refused.path("status").asString()).isEqualTo("error");
            assertThat(third.screen()).contains("This page is unavailable for now").contains("2 of its runs are stuck")
                    .contains("streamlit.runner.max-abandoned-runs-per-page").doesNotContain("spinning");
            assertThat(SpinTestPage.spinning()).as("the refused page did not run").isEqualTo(2);
            clicks(probe, increment, 10);

            // the stuck runs end: the page is served again and nothing is left behind
            SpinTestPage.release();
            awaitTrue("the abandoned runs to end", () -> engine.stuckRuns() == 0);
            assertThat(health.health().getDetails()).containsEntry("stuckRuns", 0)
                    .containsEntry("refusedPages", java.util.Set.of());
            third.send(Map.of("type", "rerun", "widgets", Map.of()));
            third.await("the page served again", m -> "delta".equals(m.path("type").asString())
                    && "ok".equals(m.path("status").asString()) && third.screen().contains("released after"));
            clicks(probe, increment, 10);
            System.out.println("RunawayRunsIT: a run spinning without St was abandoned " + abandonedAfterMs
                    + " ms after it started (max-run-time 1 s, grace 500 ms); past 2 stuck runs the page was refused in "
                    + refusedAfterMs + " ms; a tab on /counter counted all " + probeCount + " clicks");
        }
    }

    /** A tab opens the spinning page; its run is abandoned and the tab told so. Returns when, in ms. */
    private long openSpinningTab(StreamClient tab) {
        long start = System.nanoTime();
        tab.hello(null, "/test-spin", false);
        JsonNode end = tab.awaitRunEnd();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(end.path("status").asString()).isEqualTo("error");
        assertThat(tab.screen()).contains("spinning").contains("This run was abandoned")
                .contains("streamlit.runner.max-run-time");
        assertThat(ms).as("abandoned after (ms)").isBetween(1_400L, 8_000L);
        return ms;
    }

    private void clicks(StreamClient probe, String increment, int clicks) {
        for (int i = 0; i < clicks; i++) {
            int count = ++probeCount;
            probe.click(increment);
            probe.await("Count = " + count, m -> "delta".equals(m.path("type").asString())
                    && !m.path("status").isNull() && probe.screen().contains("Count = " + count));
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
