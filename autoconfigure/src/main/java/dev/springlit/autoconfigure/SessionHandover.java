package dev.springlit.autoconfigure;

import org.springframework.context.SmartLifecycle;

import dev.springlit.runtime.SpringlitEngine;

/**
 * Hands the tabs over when the application stops (S9.7): their sessions are saved, each tab is told to reconnect at
 * once (1001), and new connections are refused with 503 so that a load balancer sends them to another instance.
 * Stops before the web server's graceful shutdown (a higher phase stops first), which then waits for what is left.
 */
final class SessionHandover implements SmartLifecycle {

    private final SpringlitEngine engine;
    private volatile boolean running;

    SessionHandover(SpringlitEngine engine) {
        this.engine = engine;
    }

    @Override
    public void start() {
        engine.rejoin(); // a stopped context may start again; it must not keep refusing tabs with 503
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        engine.leave();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
