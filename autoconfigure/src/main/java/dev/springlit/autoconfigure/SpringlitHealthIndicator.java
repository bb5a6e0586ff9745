package dev.springlit.autoconfigure;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.springlit.runtime.SpringlitEngine;

import java.util.List;

/**
 * Springlit's part of Actuator's {@code /actuator/health} ({@code springlit}): up while sessions can still be
 * opened, out of service when {@code streamlit.server.max-sessions} is reached, down while a background task
 * (streaming, session expiry, run deadlines) keeps failing; details count the sessions, the run threads, the
 * runs abandoned at {@code streamlit.runner.max-run-time} and the pages refused because of them.
 */
public final class SpringlitHealthIndicator implements HealthIndicator {

    private final SpringlitEngine engine;

    public SpringlitHealthIndicator(SpringlitEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        int sessions = engine.sessions().size();
        int connected = engine.sessions().connectedCount();
        int max = engine.settings().maxSessions();
        List<String> failing = engine.failingHousekeeping();
        Health.Builder health = !failing.isEmpty() ? Health.down()
                : sessions >= max ? Health.outOfService() : Health.up();
        health.withDetail("sessions", sessions).withDetail("connected", connected)
                .withDetail("parked", sessions - connected).withDetail("maxSessions", max)
                .withDetail("pages", engine.pages().pages().size());
        health.withDetail("runsInProgress", engine.runsInProgress()).withDetail("runThreads", engine.runThreads())
                .withDetail("stuckRuns", engine.stuckRuns()).withDetail("abandonedRuns", engine.abandonedRuns())
                .withDetail("refusedPages", engine.refusedPages())
                .withDetail("housekeepingFailures", engine.housekeepingFailures());
        if (!failing.isEmpty()) {
            health.withDetail("failingTasks", failing);
        }
        return health.build();
    }
}
