package dev.springlit.autoconfigure;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.springlit.runtime.SpringlitEngine;

/**
 * Springlit's part of Actuator's {@code /actuator/health} ({@code springlit}): up while sessions can still be
 * opened, out of service when {@code streamlit.server.max-sessions} is reached; details count the sessions.
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
        Health.Builder health = sessions >= max ? Health.outOfService() : Health.up();
        return health.withDetail("sessions", sessions).withDetail("connected", connected)
                .withDetail("parked", sessions - connected).withDetail("maxSessions", max)
                .withDetail("pages", engine.pages().pages().size()).build();
    }
}
