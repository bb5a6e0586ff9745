package dev.springlit.demo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The machine's 1-minute load average read from {@code /proc/loadavg} once a second while the benchmark runs, so
 * its table says how busy the shared cores were: other builds on the same machine stretch the latency tails.
 */
final class LoadSampler implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-load-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final double first = read();
    private double sum;
    private double max = first;
    private int samples;
    private double last = first;

    LoadSampler() {
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        double load = read();
        if (!Double.isNaN(load)) {
            sum += load;
            samples++;
            max = Math.max(max, load);
            last = load;
        }
    }

    /** "start 2.6, mean 4.1, max 6.0, end 5.9" (1-minute load average). */
    synchronized String summary() {
        if (Double.isNaN(first)) {
            return "unknown (no /proc/loadavg)";
        }
        return String.format(Locale.ROOT, "start %.2f, mean %.2f, max %.2f, end %.2f", first,
                samples == 0 ? first : sum / samples, max, last);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static double read() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
