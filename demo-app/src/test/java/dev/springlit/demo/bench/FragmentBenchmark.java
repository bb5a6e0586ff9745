package dev.springlit.demo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Issue 17's benchmark: what an interaction inside a small fragment costs beside a full rerun of a page with a
 * 10,000-row data frame and two charts (the demo's hidden {@code /fragment-cost}, on with
 * {@code --demo.benchmark-pages=true}). For each interaction it prints the server process's CPU time and the bytes
 * the server sent, per interaction, and the fragment's share of the full rerun's (target: at most 5 %). Two full
 * reruns are measured: "Refresh data" (new data, so the whole page is sent again) and "Rerun page" (same data: the
 * page is computed again, but only what changed is sent). Not a test; run by the bench profile:
 * <pre>./mvnw -B -pl demo-app -am -Pbench -DskipTests verify -Dbench.load.skip=true</pre>
 */
public final class FragmentBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PAGE = "/fragment-cost";

    private final Path jar = Path.of(System.getProperty("bench.jar", "demo-app/target/springlit-demo-app-0.1.0.jar"));
    private final Path java = Path.of(System.getProperty("bench.serverJava",
            Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    private final Path out = Path.of(System.getProperty("bench.out", "demo-app/target/bench")).toAbsolutePath();
    private final int fragmentClicks = Integer.getInteger("bench.fragmentClicks", 400);
    private final int fullReruns = Integer.getInteger("bench.fullReruns", 40);
    private final HttpClient http = HttpClient.newHttpClient();

    /** The cost of one kind of interaction, per interaction. */
    private record Cost(String what, int count, double cpuMicros, double bytes, double millis) {
    }

    public static void main(String[] args) throws Exception {
        new FragmentBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        try (ServerProcess server = ServerProcess.start(java, jar, List.of("-Xmx1g"),
                List.of("--demo.benchmark-pages=true"), out.resolve("fragment"))) {
            server.awaitReady(http, TIMEOUT);
            URI stream = URI.create("ws://127.0.0.1:" + server.port() + "/_springlit/stream");
            String origin = "http://127.0.0.1:" + server.port();
            FragmentTab tab = FragmentTab.open(http, stream, origin, PAGE, "", TIMEOUT);
            // warm-up: the JIT compiles the paths of all three interactions before anything is measured
            measure(server, tab, "Add one", fragmentClicks / 2);
            measure(server, tab, "Refresh data", fullReruns / 2);
            measure(server, tab, "Rerun page", fullReruns / 2);
            Cost fragment = measure(server, tab, "Add one", fragmentClicks);
            Cost refresh = measure(server, tab, "Refresh data", fullReruns);
            Cost rerun = measure(server, tab, "Rerun page", fullReruns);
            if (!tab.sawFragmentDeltas()) {
                throw new IllegalStateException("the server never marked a delta as a fragment run's");
            }
            tab.close();
            // the same fragment on the same page without its data: what the big page adds to a fragment run
            FragmentTab empty = FragmentTab.open(http, stream, origin, PAGE, "?rows=0", TIMEOUT);
            measure(server, empty, "Add one", fragmentClicks / 2);
            Cost alone = measure(server, empty, "Add one", fragmentClicks);
            empty.close();
            alone = new Cost("Add one, page without data", alone.count(), alone.cpuMicros(), alone.bytes(), alone.millis());
            String load = Files.readString(Path.of("/proc/loadavg")).strip();
            StringBuilder table = new StringBuilder("| interaction | count | server CPU µs | bytes sent | ms "
                    + "| fragment's share: CPU | bytes |\n|---|---|---|---|---|---|---|\n");
            for (Cost c : List.of(fragment, refresh, rerun, alone)) {
                table.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %.1f | %s | %s |%n", c.what(),
                        c.count(), c.cpuMicros(), c.bytes(), c.millis(),
                        c == fragment || c == alone ? "" : percent(fragment.cpuMicros(), c.cpuMicros()),
                        c == fragment || c == alone ? "" : percent(fragment.bytes(), c.bytes())));
            }
            boolean met = fragment.cpuMicros() <= 0.05 * refresh.cpuMicros() && fragment.bytes() <= 0.05 * refresh.bytes();
            String verdict = "Target (fragment ≤ 5 % of a full rerun with new data, CPU and bytes): "
                    + (met ? "met" : "NOT met");
            System.out.println("\nFragmentBenchmark on " + PAGE + " (10,000 rows, two charts; load average " + load
                    + ")\n" + table + verdict);
            Files.writeString(out.resolve("fragment-benchmark.md"), table + verdict + "\n(load average " + load + ")\n");
        }
    }

    private Cost measure(ServerProcess server, FragmentTab tab, String button, int count) throws Exception {
        long cpu0 = server.cpuNanos();
        long bytes0 = tab.bytesReceived();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            tab.click(button, TIMEOUT);
        }
        long elapsed = System.nanoTime() - t0;
        return new Cost(button, count, (server.cpuNanos() - cpu0) / 1e3 / count,
                (tab.bytesReceived() - bytes0) / (double) count, elapsed / 1e6 / count);
    }

    private static String percent(double part, double whole) {
        return whole <= 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", part * 100 / whole);
    }
}
