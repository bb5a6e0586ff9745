package dev.springlit.autoconfigure;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.springlit.runtime.run.RunObserver;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.SpringlitEngine;

/**
 * Springlit's Micrometer meters; Spring Boot Actuator binds them to every registry:
 * <ul>
 * <li>{@code springlit.sessions} (gauge, tag {@code state}: connected, parked)</li>
 * <li>{@code springlit.runs} (timer, tag {@code outcome}: ok, error, stopped, rerun, interrupted)</li>
 * <li>{@code springlit.messages.in}, {@code springlit.messages.out} (summaries of message sizes in characters:
 * their count is the number of messages)</li>
 * <li>{@code springlit.messages.rejected} (counter, tag {@code code})</li>
 * <li>{@code springlit.runs.overtime} (counter, tag {@code page}): runs interrupted at
 * {@code streamlit.runner.max-run-time}</li>
 * <li>{@code springlit.runs.abandoned} (counter, tag {@code page}): of those, runs that ignored the interrupt and
 * were given up on</li>
 * <li>{@code springlit.runs.stuck} (gauge): abandoned runs whose thread has not ended yet</li>
 * <li>{@code springlit.run.threads} (gauge): platform threads of the run pool alive now</li>
 * <li>{@code springlit.housekeeping.failures} (counter, tag {@code task}: flush, expire, deadlines): failures
 * of background tasks, each survived</li>
 * </ul>
 */
public final class SpringlitMetrics implements MeterBinder, RunObserver {

    private final SpringlitEngine engine;
    private volatile MeterRegistry registry;
    private final Map<RunStatus, Timer> runs = new EnumMap<>(RunStatus.class);
    private volatile DistributionSummary in;
    private volatile DistributionSummary out;

    public SpringlitMetrics(SpringlitEngine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("springlit.sessions", engine.sessions(), s -> s.connectedCount())
                .tag("state", "connected").description("Sessions with a tab attached").register(meters);
        Gauge.builder("springlit.sessions", engine.sessions(), s -> s.size() - s.connectedCount())
                .tag("state", "parked").description("Sessions whose tab is gone, kept for the TTL").register(meters);
        for (RunStatus status : RunStatus.values()) {
            runs.put(status, Timer.builder("springlit.runs").tag("outcome", status.wireName())
                    .description("Page runs, by how they ended").register(meters));
        }
        Gauge.builder("springlit.runs.stuck", engine, SpringlitEngine::stuckRuns)
                .description("Abandoned runs whose thread has not ended yet").register(meters);
        Gauge.builder("springlit.run.threads", engine, SpringlitEngine::runThreads)
                .description("Platform threads of the run pool alive now").register(meters);
        in = DistributionSummary.builder("springlit.messages.in").baseUnit("characters")
                .description("Messages received from tabs").register(meters);
        out = DistributionSummary.builder("springlit.messages.out").baseUnit("characters")
                .description("Messages sent to tabs").register(meters);
        this.registry = meters;
        engine.setObserver(this);
    }

    @Override
    public void runEnded(RunStatus status, long nanos) {
        Timer timer = runs.get(status);
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void messageIn(int chars) {
        DistributionSummary summary = in;
        if (summary != null) {
            summary.record(chars);
        }
    }

    @Override
    public void messageOut(int chars) {
        DistributionSummary summary = out;
        if (summary != null) {
            summary.record(chars);
        }
    }

    @Override
    public void messageRejected(String code) {
        MeterRegistry meters = registry;
        if (meters != null) {
            meters.counter("springlit.messages.rejected", "code", code).increment();
        }
    }

    @Override
    public void runOvertime(String path) {
        MeterRegistry meters = registry;
        if (meters != null) {
            meters.counter("springlit.runs.overtime", "page", path).increment();
        }
    }

    @Override
    public void runAbandoned(String path) {
        MeterRegistry meters = registry;
        if (meters != null) {
            meters.counter("springlit.runs.abandoned", "page", path).increment();
        }
    }

    @Override
    public void housekeepingFailed(String task) {
        MeterRegistry meters = registry;
        if (meters != null) {
            meters.counter("springlit.housekeeping.failures", "task", task).increment();
        }
    }
}
