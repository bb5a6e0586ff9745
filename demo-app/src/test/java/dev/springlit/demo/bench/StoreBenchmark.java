package dev.springlit.demo.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Issue 14's benchmark: the counter's reruns with {@code streamlit.session.store=memory} beside {@code redis} (a
 * redis-server on loopback started here): reruns/s and p50/p99 with 100 and 1,000 tabs clicking at once, the
 * server's and this driver's CPU per rerun, and for Redis the bytes it received and the round trips (script calls)
 * per rerun. Not a test; run by the bench profile:
 * <pre>./mvnw -B -pl demo-app -am -Pbench -DskipTests verify -Dbench.store.skip=false -Dbench.load.skip=true -Dbench.failover.skip=true -Dbench.fragment.skip=true</pre>
 *
 * <p>It measures the server, not itself, as the load benchmark does: each server is warmed up first (the JIT, and
 * Lettuce's connection), the tabs are opened at most 200 handshakes at a time, and the WebSocket client runs on two
 * threads rather than the JDK client's default cached pool, which starts threads with the callbacks in flight.
 * {@code -Dbench.storeRedisOnly=true} skips the memory store; {@code -Dbench.storeJfr=DIR} records each store's
 * measured phases with JFR into {@code DIR/<store>.jfr}; {@code -Dbench.storeServerJvmArgs="..."} adds options to the
 * server's JVM.
 */
public final class StoreBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path jar = Path.of(System.getProperty("bench.jar", "demo-app/target/springlit-demo-app-0.1.0.jar"));
    private final Path java = Path.of(System.getProperty("bench.serverJava",
            Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    private final Path out = Path.of(System.getProperty("bench.out", "demo-app/target/bench")).toAbsolutePath();
    private final int[] tabs = Arrays.stream(System.getProperty("bench.storeTabs", "100,1000").split(","))
            .map(String::strip).mapToInt(Integer::parseInt).toArray();
    private final int clicks = Integer.getInteger("bench.storeClicks", 100);
    private final String jfr = System.getProperty("bench.storeJfr", "");
    /** More options for the server's JVM, space-separated (-Dbench.storeServerJvmArgs=...). */
    private final List<String> serverJvmArgs = Arrays.stream(System.getProperty("bench.storeServerJvmArgs", "")
            .split(" ")).filter(a -> !a.isBlank()).toList();
    /** The most threads the server had while the last {@link #clickAll} ran. */
    private int mostThreads;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "bench-client");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    public static void main(String[] args) throws Exception {
        new StoreBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        StringBuilder table = new StringBuilder("| store | tabs | reruns/s | p50 ms | p99 ms | server CPU µs / rerun "
                + "| driver CPU µs / rerun | server wake-ups / rerun | server system calls (read, write) / rerun "
                + "| server threads: most (run, Tomcat after) | bytes to Redis / rerun "
                + "| Redis round trips / rerun | Redis reads / rerun | redis-server CPU µs / rerun |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        if (!Boolean.getBoolean("bench.storeRedisOnly")) {
            table.append(phase("memory", List.of(), null));
        }
        int redisPort = 16_000 + (int) (ProcessHandle.current().pid() % 10_000);
        Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(out.resolve("redis.log").toFile()).start();
        try {
            awaitPort(redisPort);
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
            try (StatefulRedisConnection<String, String> admin = client.connect()) {
                table.append(phase("redis", List.of("--streamlit.session.store=redis",
                        "--spring.data.redis.port=" + redisPort, "--spring.data.redis.timeout=2s"), admin));
            } finally {
                client.shutdown();
            }
        } finally {
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        System.out.println("\nStoreBenchmark (load average " + loadAverage() + ")\n" + table);
        Files.writeString(out.resolve("store-benchmark.md"), table);
    }

    private String phase(String store, List<String> args, StatefulRedisConnection<String, String> admin)
            throws Exception {
        StringBuilder rows = new StringBuilder();
        try (ServerProcess server = ServerProcess.start(java, jar,
                Stream.concat(Stream.of("-Xmx1g"), serverJvmArgs.stream()).toList(), args, out.resolve(store))) {
            server.awaitReady(http, TIMEOUT);
            URI stream = URI.create("ws://127.0.0.1:" + server.port() + "/_springlit/stream");
            String origin = "http://127.0.0.1:" + server.port();
            List<BenchSession> warm = open(stream, origin, 50);
            clickAll(server, warm, 200);
            warm.forEach(BenchSession::abort);
            if (!jfr.isEmpty()) {
                server.jcmd("JFR.start", "name=store", "settings=profile",
                        "filename=" + Path.of(jfr, store + ".jfr").toAbsolutePath());
            }
            for (int n : tabs) {
                List<BenchSession> sessions = open(stream, origin, n);
                Map<String, Long> before = admin == null ? Map.of() : stats(admin);
                long[] cpu0 = {server.cpuNanos(), driverCpuNanos()};
                long wakeUps0 = server.contextSwitches();
                long[] calls0 = systemCalls(server.pid());
                long elapsed = clickAll(server, sessions, clicks);
                long[] cpu1 = {server.cpuNanos(), driverCpuNanos()};
                long wakeUps1 = server.contextSwitches();
                long[] calls1 = systemCalls(server.pid());
                Map<String, Integer> named = server.namedThreads(); // idle ones live on for 30 s
                long reruns = (long) n * clicks;
                long[] all = sessions.stream().flatMapToLong(s -> Arrays.stream(s.latencies())).sorted().toArray();
                String bytes = "-";
                String trips = "-";
                String reads = "-";
                String redisCpu = "-";
                if (admin != null) {
                    Map<String, Long> after = stats(admin);
                    bytes = String.format("%.0f", (after.get("in") - before.get("in")) / (double) reruns);
                    trips = String.format("%.2f", (after.get("calls") - before.get("calls")) / (double) reruns);
                    reads = String.format("%.2f", (after.get("reads") - before.get("reads")) / (double) reruns);
                    redisCpu = String.format("%.0f",
                            (after.get("cpuMicros") - before.get("cpuMicros")) / (double) reruns);
                }
                String row = String.format("| %s | %d | %.0f | %.1f | %.1f | %.0f | %.0f | %.2f | %.2f, %.2f "
                        + "| %d (run %d, Tomcat %d) | %s | %s | %s | %s |%n", store, n, reruns / (elapsed / 1e9),
                        pct(all, 0.50) / 1e6, pct(all, 0.99) / 1e6, (cpu1[0] - cpu0[0]) / 1e3 / reruns,
                        (cpu1[1] - cpu0[1]) / 1e3 / reruns, (wakeUps1 - wakeUps0) / (double) reruns,
                        (calls1[0] - calls0[0]) / (double) reruns, (calls1[1] - calls0[1]) / (double) reruns,
                        mostThreads, named.get("run"), named.get("tomcat"), bytes, trips, reads, redisCpu);
                rows.append(row);
                System.out.print("[store-bench] load " + loadAverage() + ": " + row); // kept if a later phase fails
                sessions.forEach(BenchSession::abort);
            }
            if (!jfr.isEmpty()) {
                server.jcmd("JFR.stop", "name=store");
            }
        }
        return rows.toString();
    }

    /** Opens {@code n} tabs, at most 200 handshakes at a time; each has had its first run. */
    private List<BenchSession> open(URI stream, String origin, int n) throws Exception {
        Semaphore slots = new Semaphore(200);
        List<CompletableFuture<BenchSession>> opening = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!slots.tryAcquire(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("no tab finished opening for " + TIMEOUT.toSeconds() + " s");
            }
            CompletableFuture<BenchSession> tab = BenchSession.open(http, stream, origin, "/counter", TIMEOUT);
            tab.whenComplete((s, e) -> slots.release());
            opening.add(tab);
        }
        return opening.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Every tab clicks {@code k} times, each click after its previous run ended; the nanoseconds it took. Samples the
     * server's threads meanwhile ({@link #mostThreads}): runs waiting for Redis once grew the run pool to hundreds.
     */
    private long clickAll(ServerProcess server, List<BenchSession> sessions, int k) throws Exception {
        long started = System.nanoTime();
        CompletableFuture<Void> all = CompletableFuture.allOf(sessions.stream().map(s -> s.clickLoop(k))
                .toArray(CompletableFuture[]::new));
        mostThreads = 0;
        while (true) {
            mostThreads = Math.max(mostThreads, server.threads());
            try {
                all.get(250, TimeUnit.MILLISECONDS);
                return System.nanoTime() - started;
            } catch (TimeoutException notYet) {
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(10)) {
                    throw notYet;
                }
            }
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /**
     * The read and write system calls the server process made so far ({@code /proc/PID/io}, threads that ended
     * included; zeros where there is none): sockets, mostly, so commits sent together show as fewer writes.
     */
    private static long[] systemCalls(long pid) {
        long[] calls = new long[2];
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
                if (line.startsWith("syscr:")) {
                    calls[0] = Long.parseLong(line.substring(6).strip());
                } else if (line.startsWith("syscw:")) {
                    calls[1] = Long.parseLong(line.substring(6).strip());
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // zeros
        }
        return calls;
    }

    private static long driverCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * Bytes Redis received, the top-level commands its clients sent (a script call is one), the reads it made from
     * its clients' sockets (fewer than the commands when they arrive together) and the CPU redis-server used (µs,
     * user + system), which shares the cores with the server and this driver.
     */
    private static Map<String, Long> stats(StatefulRedisConnection<String, String> admin) {
        long in = 0;
        long calls = 0;
        long reads = 0;
        double cpuSeconds = 0;
        for (String line : admin.sync().info("all").split("\r?\n")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                cpuSeconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("total_reads_processed:")) {
                reads = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("total_net_input_bytes:")) {
                in = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:")) {
                String c = line.substring(line.indexOf("calls=") + 6);
                calls += Long.parseLong(c.substring(0, c.indexOf(',')));
            }
        }
        return Map.of("in", in, "calls", calls, "reads", reads, "cpuMicros", (long) (cpuSeconds * 1e6));
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on " + port);
    }
}
