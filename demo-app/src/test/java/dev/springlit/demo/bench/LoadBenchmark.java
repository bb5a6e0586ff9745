package dev.springlit.demo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load benchmark of issues 7 and 20 (not a test: it is a main class, run by the {@code bench} profile of
 * demo-app): starts the demo app as a separate JVM on 127.0.0.1, drives {@code /counter} and {@code /dashboard} over
 * the real WebSocket protocol with the JDK's client, and prints one table with the machine, the load average
 * during the run, both JVMs, Springlit's figures, its targets and whether each is met. Peers' figures are not
 * printed (they were not measured here); docs/benchmark.md keeps them with their date, source and conditions.
 * Exit code 1 when a correctness check fails (a tab not at {@code Count = K}, a run that did not end {@code ok}, a
 * dashboard not showing what its filter implies, a refused message), 2 when the benchmark itself could not finish.
 *
 * <p>Phases: startup to healthy and fresh RSS; warm-up; 1 tab clicking K times sequentially (optionally recorded
 * with JFR); time to first render of new tabs (GET /counter + WebSocket + hello + first run); N tabs clicking
 * concurrently (each sequential, K clicks each), with the threads left right after each burst; idle memory and
 * threads before/after opening 1,000 idle tabs, what their sessions keep once the tabs are closed (parked), then
 * 10,000 more idle tabs; the dashboard, one tab then 100 tabs switching its sidebar filter (with the idle tabs
 * still connected); then, with the server stopped, the fast-start launches ({@link FastStart}). The tabs of the earlier phases stay connected until the
 * end, so no parked session expires (and frees memory) between two heap measurements.
 *
 * <p>System properties (all optional): {@code bench.jar}, {@code bench.serverJava} (the server's {@code java};
 * its {@code jcmd} is used), {@code bench.serverJvmArgs}, {@code bench.serverArgs} (space separated extras),
 * {@code bench.sequentialClicks} (2000), {@code bench.concurrentSessions} (100,1000),
 * {@code bench.concurrentClicks} (100), {@code bench.idleSessions} (1000,10000), {@code bench.ttfrSamples} (200),
 * {@code bench.dashboardTabs} (100), {@code bench.dashboardInteractions} (20), {@code bench.dashboardSequential}
 * (200), {@code bench.fastStartRuns} (3; 0 skips), {@code bench.java25} (the JDK 25 for the AOT cache),
 * {@code bench.oneTabJfr} (a .jfr file for the one-tab phase), {@code bench.oneTabJfrSettings} (for both
 * recordings), {@code bench.firstRenderJfr} (a .jfr file for the first-render phase),
 * {@code bench.out} (logs), {@code bench.page} (/counter; {@code /naive-counter} shows the correctness check
 * failing), {@code bench.histogramRows} (20).
 */
public final class LoadBenchmark {

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOTAL_LIMIT = Duration.ofSeconds(900);
    /** The page every tab shows; another page with an Increment button and a "Count = N" line can be tried. */
    private static final String PAGE = System.getProperty("bench.page", "/counter");

    // ---- configuration ---------------------------------------------------------------------------------------
    private final Path jar = Path.of(System.getProperty("bench.jar", "demo-app/target/springlit-demo-app-0.1.0.jar"))
            .toAbsolutePath();
    private final Path serverJava = Path.of(System.getProperty("bench.serverJava",
            Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    private final List<String> serverJvmArgs = words(System.getProperty("bench.serverJvmArgs", ""));
    private final List<String> serverArgs = words(System.getProperty("bench.serverArgs", ""));
    private final int sequentialClicks = Integer.getInteger("bench.sequentialClicks", 2000);
    private final int[] concurrentSessions = ints(System.getProperty("bench.concurrentSessions", "100,1000"));
    private final int concurrentClicks = Integer.getInteger("bench.concurrentClicks", 100);
    private final int[] idleSessions = ints(System.getProperty("bench.idleSessions", "1000,10000"));
    private final int ttfrSamples = Integer.getInteger("bench.ttfrSamples", 200);
    /** New tabs opened (and closed) in the warm-up before the first render is timed. */
    private final int ttfrWarmup = Integer.getInteger("bench.ttfrWarmup", 1000);
    private final Path out = Path.of(System.getProperty("bench.out", "demo-app/target/bench")).toAbsolutePath();
    private final int dashboardTabs = Integer.getInteger("bench.dashboardTabs", 100);
    private final int dashboardInteractions = Integer.getInteger("bench.dashboardInteractions", 20);
    private final int dashboardSequential = Integer.getInteger("bench.dashboardSequential", 200);
    private final int fastStartRuns = Integer.getInteger("bench.fastStartRuns", 3);
    private final Path java25 = Path.of(System.getProperty("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
    /** A JFR file to record the one-tab phase into (with stack depth 256), or empty for none. */
    private final String oneTabJfr = System.getProperty("bench.oneTabJfr", "").strip();
    /** A JFR file to record the first-render phase into (same settings as the one-tab phase's), or empty for none. */
    private final String firstRenderJfr = System.getProperty("bench.firstRenderJfr", "").strip();
    /** JFR settings for it: "profile", "default", a .jfc file, or empty for {@link OneTabRecording}'s. */
    private final String oneTabJfrSettings = System.getProperty("bench.oneTabJfrSettings", "").strip();
    /** A directory for heap dumps around each idle step, read by {@link HeapOwners}, or empty for none. */
    private final String idleHeapDumps = System.getProperty("bench.idleHeapDumps", "").strip();

    // ---- results (null until measured) ---------------------------------------------------------------------
    private final List<String> failures = new ArrayList<>();
    private final List<BenchSession> everySession = new ArrayList<>();
    /** The first-render phase's tabs (and the warm-up's), kept connected by {@link #keepRawTabsAlive}. */
    private final List<RawTab> rawTabs = new CopyOnWriteArrayList<>();
    private final List<String> rawTabProblems = new CopyOnWriteArrayList<>();
    /** How many of them adopted a server-rendered first run, of how many opened (the keeper drops closed ones). */
    private int adoptedTabs;
    private int openedRawTabs;
    private String serverVm;
    private Summary sequential;
    private double[] sequentialCpu;
    /** Server voluntary context switches (waits ended by a wake-up) per click of the one-tab phase (-1: not on Linux). */
    private double sequentialSwitches;
    /** Heap bytes the server allocated per click of the one-tab phase, and its collections then (null: not read). */
    private Allocated sequentialAllocated;
    private Summary ttfr;
    /** p50s of the first render's GET, handshake and hello → first run ended. */
    private Summary[] ttfrSteps;
    /** Server and driver CPU (µs) per new tab of the first-render phase. */
    private double[] ttfrCpu;
    private final List<ConcurrentResult> concurrent = new ArrayList<>();
    private final List<IdleStep> idle = new ArrayList<>();
    private IdleStep parked;
    private int othersConnected;
    private boolean oomInLog;
    private String capacityFailure;
    private int capacityTarget;
    private Duration startup;
    private long freshRss = -1;
    private ThreadCount threadsAfterBurst;
    private DashboardResult dashboardOne;
    private DashboardResult dashboardMany;
    private final List<DashboardTab> dashboardTabsOpen = new ArrayList<>();
    private List<FastStart.Result> fastStart = List.of();

    private final LoadSampler load = new LoadSampler();
    private HttpClient client;
    private ServerProcess server;
    /** The server's allocation counters, or null when the driver could not attach to its JVM. */
    private ServerAllocation allocation;

    public static void main(String[] args) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TOTAL_LIMIT.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("LoadBenchmark: over its time limit of " + TOTAL_LIMIT.toSeconds() + " s; giving up");
            System.exit(2); // the shutdown hook of ServerProcess kills the server
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int code = new LoadBenchmark().runAll();
        System.exit(code);
    }

    private int runAll() {
        long started = System.nanoTime();
        Throwable error = null;
        ExecutorService clientPool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                daemon("bench-client"));
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(clientPool)
                .build();
        try {
            checkFileLimit();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No demo app jar at " + jar + "; build it first (see docs/benchmark.md)");
            }
            List<String> jvmArgs = new ArrayList<>(serverJvmArgs);
            if (!oneTabJfr.isEmpty() || !firstRenderJfr.isEmpty()) {
                jvmArgs.add("-XX:FlightRecorderOptions:stackdepth=256");
            }
            server = ServerProcess.start(serverJava, jar, jvmArgs, serverArgs, out);
            keepRawTabsAlive();
            log("server: " + String.join(" ", server.command()) + "  (pid " + server.pid() + ", log " + server.log() + ")");
            startup = server.awaitReady(client, Duration.ofSeconds(90));
            freshRss = server.rss();
            allocation = attachAllocation();
            serverVm = server.vmVersion();
            log(String.format(Locale.ROOT, "server ready in %d ms, RSS %.0f MB: %s", startup.toMillis(),
                    freshRss / 1048576.0, serverVm));
            warmUp();
            measureSequential();
            measureTimeToFirstRender();
            for (int n : concurrentSessions) {
                measureConcurrent(n, concurrentClicks);
                countThreadsAfterBurst(n + " tabs clicking");
            }
            // after the idle phase, so that phase starts from the same server state as in issue 7's runs
            measureIdle();
            measureDashboard();
            finalChecks();
        } catch (Throwable t) {
            error = t;
        } finally {
            if (server != null) {
                oomInLog = server.tail(100_000).contains("OutOfMemoryError");
                for (BenchSession s : everySession) {
                    s.abort();
                }
                dashboardTabsOpen.forEach(DashboardTab::abort);
                for (RawTab tab : rawTabs) {
                    closeQuietly(tab);
                }
                if (allocation != null) {
                    allocation.close();
                }
                server.close();
            }
        }
        if (error == null && fastStartRuns > 0) {
            try {
                fastStart = new FastStart(jar, serverJava, java25, serverJvmArgs, out, client, fastStartRuns).measure();
                fastStart.forEach(r -> log(r.name() + ": startups " + r.startups() + ", RSS " + r.rss() + " " + r.note()));
            } catch (Throwable t) {
                error = t;
            }
        }
        load.close();
        printTable(Duration.ofNanos(System.nanoTime() - started));
        if (error != null) {
            System.out.println();
            System.out.println("BENCHMARK ERROR: " + error);
            error.printStackTrace(System.out);
            if (server != null) {
                System.out.println("---- server log tail (" + server.log() + ") ----");
                System.out.println(server.tail(30));
            }
            return failures.isEmpty() ? 2 : 1;
        }
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println("CORRECTNESS FAILURES (" + failures.size() + "):");
            failures.stream().limit(30).forEach(f -> System.out.println("  - " + f));
            return 1;
        }
        return 0;
    }

    // ---- phases ------------------------------------------------------------------------------------------

    private void warmUp() throws Exception {
        long t0 = System.nanoTime();
        List<BenchSession> warm = openMany(50, 50);
        runConcurrently(warm, 400, Duration.ofSeconds(120));
        check(warm, 400, "warm-up");
        BenchSession one = openMany(1, 1).get(0);
        one.clickLoop(5000).get(120, TimeUnit.SECONDS);
        check(List.of(one), 5000, "warm-up");
        for (int i = 0; i < 30; i++) {
            firstRender();
        }
        // the new-tab path (GET, handshake, hello) compiled before it is measured: with 30 tabs the JIT compiled
        // it during the measurement, and its compiler threads were most of the server's CPU per new tab
        for (int i = 30; i < ttfrWarmup; i++) {
            closeQuietly(RawTab.open(server.port(), PAGE, "Count = 0", new long[3]));
        }
        log(String.format(Locale.ROOT, "warm-up done in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    private void measureSequential() throws Exception {
        BenchSession one = openMany(1, 1).get(0);
        if (!oneTabJfr.isEmpty()) {
            String settings = oneTabJfrSettings.isEmpty() ? OneTabRecording.settings(serverJava, out).toString()
                    : oneTabJfrSettings;
            server.jcmd("JFR.start", "name=onetab", "settings=" + settings, "filename=" + Path.of(oneTabJfr).toAbsolutePath());
        }
        long switches0 = server.contextSwitches();
        ServerAllocation.Reading allocated0 = allocationReading();
        long[] cpu0 = {server.cpuNanos(), driverCpuNanos()};
        one.clickLoop(sequentialClicks).get(120, TimeUnit.SECONDS);
        long[] cpu1 = {server.cpuNanos(), driverCpuNanos()};
        sequentialAllocated = Allocated.between(allocated0, allocationReading(), sequentialClicks);
        long switches1 = server.contextSwitches();
        sequentialSwitches = switches0 < 0 || switches1 < 0 ? -1 : (switches1 - switches0) / (double) sequentialClicks;
        if (!oneTabJfr.isEmpty()) {
            server.jcmd("JFR.stop", "name=onetab");
            log("one-tab phase recorded to " + Path.of(oneTabJfr).toAbsolutePath());
        }
        check(List.of(one), sequentialClicks, "sequential");
        sequential = Summary.of(one.latencies());
        sequentialCpu = new double[] {(cpu1[0] - cpu0[0]) / 1e3 / sequentialClicks, (cpu1[1] - cpu0[1]) / 1e3 / sequentialClicks};
        log(String.format(Locale.ROOT, "1 session x %d sequential clicks: %s; CPU per click: server %.0f us, driver %.0f us; "
                + "server thread wake-ups per click %.2f; server heap allocated per click %s", sequentialClicks,
                sequential, sequentialCpu[0], sequentialCpu[1], sequentialSwitches, Allocated.text(sequentialAllocated)));
    }

    private void measureTimeToFirstRender() throws Exception {
        long[] samples = new long[ttfrSamples];
        long[][] steps = new long[3][ttfrSamples];
        if (!firstRenderJfr.isEmpty()) {
            String settings = oneTabJfrSettings.isEmpty() ? OneTabRecording.settings(serverJava, out).toString()
                    : oneTabJfrSettings;
            server.jcmd("JFR.start", "name=firstrender", "settings=" + settings,
                    "filename=" + Path.of(firstRenderJfr).toAbsolutePath());
        }
        Map<String, Long> threads0 = server.cpuTicksByThreadKind();
        long[] cpu0 = {server.cpuNanos(), driverCpuNanos()};
        for (int i = 0; i < ttfrSamples; i++) {
            long[] step = new long[3];
            samples[i] = firstRender(step);
            for (int k = 0; k < 3; k++) {
                steps[k][i] = step[k];
            }
        }
        long[] cpu1 = {server.cpuNanos(), driverCpuNanos()};
        Map<String, Long> threads1 = server.cpuTicksByThreadKind();
        if (!firstRenderJfr.isEmpty()) {
            server.jcmd("JFR.stop", "name=firstrender");
            log("first-render phase recorded to " + Path.of(firstRenderJfr).toAbsolutePath());
        }
        ttfr = Summary.of(samples);
        ttfrSteps = new Summary[] {Summary.of(steps[0]), Summary.of(steps[1]), Summary.of(steps[2])};
        ttfrCpu = new double[] {(cpu1[0] - cpu0[0]) / 1e3 / ttfrSamples, (cpu1[1] - cpu0[1]) / 1e3 / ttfrSamples};
        log("time to first render x " + ttfrSamples + ": " + ttfr + "; " + ttfrBreakdown());
        StringBuilder byThread = new StringBuilder();
        threads1.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> byThread.append(byThread.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT,
                        "%s %.0f", e.getKey(), e.getValue() * 10_000.0 / ttfrSamples)));
        log("server CPU per new tab by thread kind (µs, /proc ticks of 10 ms): " + byThread);
    }

    /** The first render's steps (p50 each) and the CPU a new tab costs, as the table prints them. */
    private String ttfrBreakdown() {
        return String.format(Locale.ROOT, "p50 of GET %s, handshake %s, hello→first run ended %s; CPU per new tab: "
                + "server %.0f µs, driver %.0f µs; raw-socket driver, %d of %d tabs adopted a server-rendered run",
                ms(ttfrSteps[0].p50), ms(ttfrSteps[1].p50), ms(ttfrSteps[2].p50), ttfrCpu[0], ttfrCpu[1],
                adoptedTabs, openedRawTabs);
    }

    /** GET the page, open its WebSocket, hello, first run ended: one new tab's time to a rendered page. */
    private long firstRender() throws Exception {
        return firstRender(new long[3]);
    }

    /**
     * As {@link #firstRender()}, putting the GET, the handshake and hello → first run ended into {@code steps}. The
     * tab is a {@link RawTab} (plain socket, frames by hand), so the driver's CPU per tab stays small beside the
     * server's; it stays connected until the end, as every other phase's tabs do.
     */
    private long firstRender(long[] steps) throws Exception {
        long t0 = System.nanoTime();
        RawTab tab = RawTab.open(server.port(), PAGE, "Count = 0", steps);
        long elapsed = System.nanoTime() - t0;
        rawTabs.add(tab);
        openedRawTabs++;
        adoptedTabs += tab.adopted() ? 1 : 0;
        return elapsed;
    }

    /** Pongs every 10 s on the raw tabs, which have no client library to answer the server's pings. */
    private void keepRawTabsAlive() {
        Thread keeper = daemon("bench-raw-tabs").newThread(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    for (RawTab tab : rawTabs) {
                        try {
                            tab.keepAlive();
                        } catch (IOException e) {
                            rawTabProblems.add("a first-render tab lost its connection: " + e);
                            rawTabs.remove(tab);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        keeper.start();
    }

    private static void closeQuietly(RawTab tab) {
        try {
            tab.close();
        } catch (IOException e) {
            // going away anyway
        }
    }

    private void measureConcurrent(int n, int k) throws Exception {
        List<BenchSession> sessions = openMany(n, 200);
        Duration limit = Duration.ofSeconds(Math.max(60, Math.min(240, (long) n * k / 250)));
        ServerAllocation.Reading allocated0 = allocationReading();
        long[] cpu0 = {server.cpuNanos(), driverCpuNanos()};
        int partial0 = sessions.stream().mapToInt(BenchSession::partialDeltas).sum();
        long elapsed = runConcurrently(sessions, k, limit);
        int partial = sessions.stream().mapToInt(BenchSession::partialDeltas).sum() - partial0;
        long[] cpu1 = {server.cpuNanos(), driverCpuNanos()};
        ServerAllocation.Reading allocated1 = allocationReading();
        check(sessions, k, n + " sessions");
        long[] all = sessions.stream().map(BenchSession::latencies).flatMapToLong(Arrays::stream).toArray();
        ConcurrentResult result = new ConcurrentResult(n, k, all.length / (elapsed / 1e9), Summary.of(all),
                (cpu1[0] - cpu0[0]) / 1e3 / all.length, (cpu1[1] - cpu0[1]) / 1e3 / all.length,
                Allocated.between(allocated0, allocated1, all.length));
        concurrent.add(result);
        log(String.format(Locale.ROOT, "%d sessions x %d clicks: %.0f reruns/s, %s; CPU per rerun: server %.0f us, "
                + "driver %.0f us; server heap allocated per rerun %s; %d deltas of runs still going (status null)", n,
                k, result.rerunsPerSecond, result.latency, result.serverCpuMicros, result.driverCpuMicros,
                Allocated.text(result.allocated), partial));
    }

    /** Threads right after a burst: the most any burst left, with Tomcat's own counted apart. */
    private void countThreadsAfterBurst(String burst) {
        Map<String, Integer> named = server.namedThreads();
        ThreadCount count = new ThreadCount(burst, server.threads(), named.get("tomcat"), named.get("run"));
        log("threads after " + burst + ": " + count);
        if (threadsAfterBurst == null || count.total() > threadsAfterBurst.total()) {
            threadsAfterBurst = count;
        }
    }

    /**
     * The demo dashboard: one tab switching the Regions filter sequentially, then {@code bench.dashboardTabs}
     * tabs doing so concurrently; each run must end ok and show the Best region the filter implies.
     */
    private void measureDashboard() throws Exception {
        if (dashboardTabs <= 0 && dashboardSequential <= 0) {
            return;
        }
        DashboardTab first = DashboardTab.open(client, streamUri(), base(), OPEN_TIMEOUT).get(); // fills the cache
        dashboardTabsOpen.add(first);
        first.interactions(200).get(120, TimeUnit.SECONDS); // warm-up: the JIT compiles the dashboard's path
        if (dashboardSequential > 0) {
            dashboardOne = dashboardPhase(List.of(first), dashboardSequential);
            log("dashboard, 1 tab x " + dashboardSequential + " filter changes: " + dashboardOne);
        }
        if (dashboardTabs > 0) {
            List<CompletableFuture<DashboardTab>> opening = new ArrayList<>();
            for (int i = 0; i < dashboardTabs; i++) {
                opening.add(DashboardTab.open(client, streamUri(), base(), OPEN_TIMEOUT));
            }
            List<DashboardTab> tabs = new ArrayList<>();
            for (CompletableFuture<DashboardTab> f : opening) {
                tabs.add(f.get(OPEN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS));
            }
            dashboardTabsOpen.addAll(tabs);
            dashboardMany = dashboardPhase(tabs, dashboardInteractions);
            log("dashboard, " + dashboardTabs + " tabs x " + dashboardInteractions + " filter changes: " + dashboardMany);
            countThreadsAfterBurst(dashboardTabs + " dashboard tabs");
        }
    }

    private DashboardResult dashboardPhase(List<DashboardTab> tabs, int k) throws Exception {
        ServerAllocation.Reading allocated0 = allocationReading();
        long cpu0 = server.cpuNanos();
        long bytes0 = tabs.stream().mapToLong(DashboardTab::bytesReceived).sum();
        int[] ends0 = tabs.stream().mapToInt(DashboardTab::runEnds).toArray();
        long t0 = System.nanoTime();
        CompletableFuture<?>[] loops = tabs.stream().map(t -> t.interactions(k)).toArray(CompletableFuture<?>[]::new);
        CompletableFuture.allOf(loops).get(180, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - t0;
        long cpu = server.cpuNanos() - cpu0;
        ServerAllocation.Reading allocated1 = allocationReading();
        long bytes = tabs.stream().mapToLong(DashboardTab::bytesReceived).sum() - bytes0;
        int bad = 0;
        for (int i = 0; i < tabs.size(); i++) {
            DashboardTab tab = tabs.get(i);
            if (tab.runEnds() - ends0[i] != k || !tab.problems().isEmpty()) {
                if (++bad <= 10) {
                    failures.add("dashboard: " + (tab.runEnds() - ends0[i]) + " runs ended for " + k
                            + " filter changes" + (tab.problems().isEmpty() ? "" : "; " + tab.problems().get(0)));
                }
            }
        }
        long[] all = tabs.stream().map(DashboardTab::latencies).flatMapToLong(Arrays::stream).toArray();
        return new DashboardResult(tabs.size(), k, all.length / (elapsed / 1e9), Summary.of(all),
                cpu / 1e3 / all.length, bytes / (double) all.length, bad,
                Allocated.between(allocated0, allocated1, all.length));
    }

    /** Starts every session's click loop at once; returns the nanoseconds until the last one finished. */
    private long runConcurrently(List<BenchSession> sessions, int k, Duration limit) throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[sessions.size()];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = sessions.get(i).clickLoop(k);
        }
        try {
            CompletableFuture.allOf(loops).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            long unfinished = Arrays.stream(loops).filter(f -> !f.isDone()).count();
            throw new IllegalStateException(unfinished + " of " + loops.length + " sessions had not finished " + k
                    + " clicks after " + limit.toSeconds() + " s");
        }
        return System.nanoTime() - t0;
    }

    /**
     * Idle memory: a baseline, then {@code bench.idleSessions} new tabs per step (connected, first run done). After
     * each step but the last its tabs are dropped: their sessions stay parked (no connection) for the TTL, and the
     * heap they still hold is what Springlit itself keeps per session. The next step starts from that baseline.
     */
    private void measureIdle() throws Exception {
        Thread.sleep(1000);
        Snapshot base = snapshot();
        Map<String, long[]> baseOwners = heapOwners("idle-base");
        othersConnected = everySession.size() + rawTabs.size();
        log(String.format(Locale.ROOT, "idle baseline: heap %.1f MB after full GC, %d threads, %d tabs connected",
                base.heap / 1048576.0, base.threads, othersConnected));
        for (int step = 0; step < idleSessions.length; step++) {
            int target = idleSessions[step];
            long t0 = System.nanoTime();
            List<BenchSession> tabs;
            try {
                tabs = openMany(target, 200);
            } catch (OpenFailedException e) {
                boolean oom = server.tail(100_000).contains("OutOfMemoryError");
                capacityFailure = String.format(Locale.ROOT, "%s after %,d of %,d idle tabs (%,d tabs connected in all)",
                        oom ? "server OutOfMemoryError" : !server.isAlive() ? "server died" : "no more tabs opened",
                        e.opened, target, e.opened + othersConnected);
                capacityTarget = target;
                log("idle phase stopped: " + capacityFailure + "; " + e.getMessage());
                return;
            }
            double openSeconds = (System.nanoTime() - t0) / 1e9;
            check(tabs, 0, "idle");
            Thread.sleep(1000);
            IdleStep result = new IdleStep(target, base, snapshot(), openSeconds);
            idle.add(result);
            log(String.format(Locale.ROOT, "%,d idle tabs: heap %.1f MB (%.1f KB/tab), live objects %.1f KB/tab, "
                            + "%d threads, opened in %.1f s", target, result.after.heap / 1048576.0,
                    result.heapPerSession() / 1024, result.livePerSession() / 1024, result.after.threads, openSeconds));
            Map<String, long[]> owners = heapOwners("idle-" + target);
            if (owners != null) {
                HeapOwners.print(baseOwners, owners, target, 40);
            }
            if (step < idleSessions.length - 1) {
                for (BenchSession tab : tabs) {
                    tab.abort();
                }
                everySession.removeAll(tabs);
                Thread.sleep(2000);
                Snapshot parkedSnapshot = snapshot();
                parked = new IdleStep(target, base, parkedSnapshot, 0);
                log(String.format(Locale.ROOT, "%,d parked sessions (tabs closed): %.1f KB/session live objects",
                        target, parked.livePerSession() / 1024));
                base = parkedSnapshot;
                Map<String, long[]> parkedOwners = heapOwners("parked-" + target);
                if (parkedOwners != null) {
                    System.out.printf(Locale.ROOT, "%nParked sessions:");
                    HeapOwners.print(baseOwners, parkedOwners, target, 25);
                }
                baseOwners = parkedOwners;
            }
        }
    }

    /** Dumps the server's live heap to {@code bench.idleHeapDumps/name.hprof} and reads its owners; null if off. */
    private Map<String, long[]> heapOwners(String name) throws IOException {
        if (idleHeapDumps.isEmpty()) {
            return null;
        }
        Path file = Path.of(idleHeapDumps, name + ".hprof").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        server.jcmd("GC.heap_dump", file.toString());
        return HeapOwners.owners(file);
    }

    private Snapshot snapshot() {
        long heap = server.heapUsedAfterFullGc();
        ServerProcess.Histogram histogram = server.histogram();
        return new Snapshot(heap, histogram, server.threads(), server.rss());
    }

    private void finalChecks() {
        if (capacityFailure != null) {
            return; // what the sessions saw after the server ran out of memory or connections is no correctness result
        }
        if (!server.isAlive()) {
            failures.add("the server died during the benchmark");
        }
        failures.addAll(rawTabProblems);
        for (BenchSession s : everySession) {
            for (String problem : s.problems()) {
                failures.add("session " + s.sessionId() + ": " + problem);
            }
        }
    }

    // ---- sessions ----------------------------------------------------------------------------------------

    /**
     * Opens {@code n} tabs, at most {@code parallel} handshakes at a time; each has had its first run. Stops at
     * the first tab that cannot be opened, or when no tab has finished opening for 30 s.
     */
    private List<BenchSession> openMany(int n, int parallel) throws Exception {
        Semaphore slots = new Semaphore(parallel);
        List<CompletableFuture<BenchSession>> opening = new ArrayList<>(n);
        AtomicInteger opened = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        long stall = Duration.ofSeconds(30).toNanos();
        for (int i = 0; i < n && firstFailure.get() == null; i++) {
            while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (firstFailure.get() != null || System.nanoTime() - lastProgress.get() > stall) {
                    break;
                }
            }
            if (firstFailure.get() != null) {
                break;
            }
            if (System.nanoTime() - lastProgress.get() > stall) {
                firstFailure.compareAndSet(null, new TimeoutException("no tab finished opening for 30 s"));
                break;
            }
            CompletableFuture<BenchSession> f = BenchSession.open(client, streamUri(), base(), PAGE, OPEN_TIMEOUT);
            f.whenComplete((s, e) -> {
                if (e != null) {
                    firstFailure.compareAndSet(null, e instanceof CompletionException ? e.getCause() : e);
                } else {
                    opened.incrementAndGet();
                    lastProgress.set(System.nanoTime());
                }
                slots.release();
            });
            opening.add(f);
        }
        List<BenchSession> sessions = new ArrayList<>(n);
        for (CompletableFuture<BenchSession> f : opening) {
            try {
                sessions.add(f.get(OPEN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                firstFailure.compareAndSet(null, e instanceof ExecutionException ? e.getCause() : e);
            }
        }
        everySession.addAll(sessions);
        if (firstFailure.get() != null) {
            throw new OpenFailedException(sessions.size(), n, firstFailure.get());
        }
        return sessions;
    }

    /** Not every tab could be opened (the server ran out of memory or connections, or stalled). */
    static final class OpenFailedException extends IllegalStateException {
        final int opened;

        OpenFailedException(int opened, int wanted, Throwable cause) {
            super("only " + opened + " of " + wanted + " tabs could be opened; first failure: " + cause, cause);
            this.opened = opened;
        }
    }

    /** Each session must show {@code Count = k}, have seen k + 1 runs (the first and one per click), no problem. */
    private void check(List<BenchSession> sessions, int k, String phase) {
        int bad = 0;
        for (BenchSession s : sessions) {
            String problem = null;
            if (s.shownCount() != k) {
                problem = "shows Count = " + s.shownCount() + ", expected " + k;
            } else if (s.lastRun() != k + 1 || s.runEnds() != k + 1) {
                problem = "saw " + s.runEnds() + " run ends, last run " + s.lastRun() + ", expected " + (k + 1);
            } else if (!s.problems().isEmpty()) {
                problem = s.problems().get(0);
            }
            if (problem != null) {
                bad++;
                if (bad <= 10) {
                    failures.add(phase + ": session " + s.sessionId() + " " + problem);
                }
            }
        }
        if (bad > 10) {
            failures.add(phase + ": ... " + (bad - 10) + " more sessions failed the check");
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private URI streamUri() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/_springlit/stream");
    }

    // ---- the table ---------------------------------------------------------------------------------------

    private void printTable(Duration took) {
        StringBuilder t = new StringBuilder();
        t.append("\n");
        t.append("Springlit load benchmark (" + PAGE + " and " + DashboardTab.PAGE
                + ", real WebSocket protocol, loopback)\n");
        t.append("machine: ").append(machine()).append("\n");
        t.append("load average (1 min) during the run: ").append(load.summary())
                .append(" (the cores are shared with the driver and with whatever else runs on the machine)\n");
        t.append("server JVM: ").append(serverVm == null ? "n/a" : serverVm).append(", -Xmx512m (")
                .append(serverJava).append(")\n");
        t.append("driver JVM: ").append(System.getProperty("java.vm.name")).append(" ")
                .append(System.getProperty("java.runtime.version")).append(", JDK java.net.http WebSocket client (first render: plain sockets), ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores shared with the server\n");
        t.append("benchmark took ").append(took.toSeconds()).append(" s; peers' figures: docs/benchmark.md\n\n");
        t.append("| metric | Springlit (measured) | target | met |\n");
        t.append("|---|---|---|---|\n");
        if (sequential != null) {
            row(t, "one tab, " + sequentialClicks + " sequential clicks on " + PAGE + ": click→run-finished p50 / p99",
                    String.format(Locale.ROOT, "%s / %s (max %s; CPU per click: server %.0f µs, driver %.0f µs; "
                                    + "server thread wake-ups per click %.2f; server heap allocated per click %s)",
                            ms(sequential.p50), ms(sequential.p99), ms(sequential.max), sequentialCpu[0],
                            sequentialCpu[1], sequentialSwitches, Allocated.text(sequentialAllocated)),
                    "p99 ≤ 0.5 ms", met(sequential.p99 <= 0.5e6));
        }
        if (ttfr != null) {
            row(t, "first render of a new tab including the page GET (GET " + PAGE
                            + " + WebSocket handshake + hello + first run), p50 / p99",
                    ms(ttfr.p50) + " / " + ms(ttfr.p99) + " (" + ttfr.n + " tabs, one after another; "
                            + ttfrBreakdown() + ")",
                    "p50 ≤ 4 ms", met(ttfr.p50 <= 4e6));
        }
        for (ConcurrentResult c : concurrent) {
            row(t, String.format(Locale.ROOT, "%,d tabs × %d clicks at once: reruns/s; server CPU per rerun; "
                            + "p50 / p99 / max; server heap allocated per rerun", c.sessions, c.clicks),
                    String.format(Locale.ROOT, "%,.0f/s; %.0f µs (driver %.0f µs); %s / %s / %s; %s", c.rerunsPerSecond,
                            c.serverCpuMicros, c.driverCpuMicros, ms(c.latency.p50), ms(c.latency.p99),
                            ms(c.latency.max), Allocated.text(c.allocated)),
                    "≥ 64,000/s (4× the Java peer); ≤ 25 µs",
                    met(c.rerunsPerSecond >= 64_000 && c.serverCpuMicros <= 25));
        }
        if (!concurrent.isEmpty()) {
            row(t, "correctness: every tab ends at Count = K after K + 1 runs, all ok; every dashboard run ok and "
                            + "showing what its filter implies",
                    failures.isEmpty() ? "all tabs correct" : failures.size() + " failures",
                    "no lost or double clicks", met(failures.isEmpty()));
        }
        if (startup != null) {
            row(t, "startup to healthy: process start → first 200 of GET " + PAGE + " (java -jar)",
                    String.format(Locale.ROOT, "%.2f s", startup.toNanos() / 1e9), "≤ 1.5 s",
                    met(startup.toMillis() <= 1500));
        }
        if (freshRss > 0) {
            row(t, "fresh server RSS (right after startup; -Xmx512m)",
                    String.format(Locale.ROOT, "%.0f MB", freshRss / 1048576.0), "≤ 120 MB",
                    met(freshRss <= 120L << 20));
        }
        if (threadsAfterBurst != null) {
            int others = threadsAfterBurst.total() - threadsAfterBurst.tomcat();
            row(t, "server threads right after the biggest burst (" + threadsAfterBurst.burst() + ")",
                    String.format(Locale.ROOT, "%d: Tomcat's %d + %d others (of which %d run threads)",
                            threadsAfterBurst.total(), threadsAfterBurst.tomcat(), others, threadsAfterBurst.run()),
                    "≤ 64 + Tomcat's", met(others <= 64));
        }
        for (IdleStep r : idle) {
            row(t, String.format(Locale.ROOT, "%,d idle tabs: heap per tab after full GC (GC.heap_info; class-histogram "
                            + "live bytes), server connection included", r.sessions),
                    String.format(Locale.ROOT, "%.1f KB (%.1f KB); heap %.0f → %.0f MB", r.heapPerSession() / 1024,
                            r.livePerSession() / 1024, r.base.heap / 1048576.0, r.after.heap / 1048576.0),
                    "≤ 10 KB", met(r.heapPerSession() <= 10 * 1024 && r.livePerSession() <= 10 * 1024));
            row(t, String.format(Locale.ROOT, "%,d idle tabs: server threads before → after; RSS per tab", r.sessions),
                    String.format(Locale.ROOT, "%d → %d; %.1f KB RSS", r.base.threads, r.after.threads,
                            r.rssPerSession() / 1024),
                    "no thread per tab", met(r.after.threads - r.base.threads <= 64));
        }
        if (parked != null) {
            IdleStep last = idle.get(idle.size() - 1);
            row(t, "Springlit's own objects per session: live bytes a parked session keeps once its tab is gone "
                            + "(dev.springlit.* classes alone, shallow, per connected tab)",
                    String.format(Locale.ROOT, "%.2f KB (%.2f KB)", parked.livePerSession() / 1024,
                            last.springlitPerSession() / 1024),
                    "≤ 5 KB", met(parked.livePerSession() <= 5 * 1024));
        }
        int wanted = Arrays.stream(idleSessions).max().orElse(0);
        if (capacityFailure != null) {
            row(t, String.format(Locale.ROOT, "%,d idle tabs in -Xmx512m", capacityTarget), "did not fit: "
                    + capacityFailure, "fit in -Xmx512m", met(false));
        } else if (!idle.isEmpty()) {
            IdleStep biggest = idle.get(idle.size() - 1);
            row(t, String.format(Locale.ROOT, "%,d idle tabs (+%,d other tabs connected, %,d sessions parked) in -Xmx512m",
                            biggest.sessions, othersConnected, parked == null ? 0 : parked.sessions),
                    (!oomInLog ? "fit" : "OutOfMemoryError") + String.format(Locale.ROOT,
                            ", heap %.0f MB after full GC; opened in %.1f s", biggest.after.heap / 1048576.0,
                            biggest.openSeconds),
                    "fit in -Xmx512m",
                    met(!oomInLog && biggest.sessions >= wanted && biggest.after.heap < 512L << 20));
        }
        for (DashboardResult d : new DashboardResult[] {dashboardOne, dashboardMany}) {
            if (d == null) {
                continue;
            }
            row(t, String.format(Locale.ROOT, "%s (metrics, two charts, a 48-row dataframe, sidebar filter): %s × %d "
                            + "filter changes: server CPU per interaction; bytes sent per interaction; reruns/s; "
                            + "p50 / p99; server heap allocated per interaction", DashboardTab.PAGE,
                            d.tabs == 1 ? "one tab" : d.tabs + " tabs at once", d.interactions),
                    String.format(Locale.ROOT, "%.0f µs; %,.0f B; %,.0f/s; %s / %s; %s", d.serverCpuMicros,
                            d.bytesPerInteraction, d.rerunsPerSecond, ms(d.latency.p50), ms(d.latency.p99),
                            Allocated.text(d.allocated)),
                    "every run ok", met(d.failedTabs == 0));
        }
        for (FastStart.Result r : fastStart) {
            Duration median = r.medianStartup();
            row(t, "fast start, " + r.name() + ": startup to healthy median (best of " + r.startups().size()
                            + "; process CPU median); fresh RSS median" + (r.note().isEmpty() ? "" : " (" + r.note() + ")"),
                    median == null ? r.note() : String.format(Locale.ROOT, "%.2f s (%.2f s; CPU %.2f s); %.0f MB",
                            median.toNanos() / 1e9, r.bestStartup().toNanos() / 1e9, r.medianCpu().toNanos() / 1e9,
                            r.medianRss() / 1048576.0),
                    "≤ 1.5 s; ≤ 120 MB",
                    median == null ? "" : met(median.toMillis() <= 1500 && r.medianRss() <= 120L << 20));
        }
        System.out.print(t);
        printHistogram();
    }

    private void printHistogram() {
        if (idle.isEmpty()) {
            return;
        }
        IdleStep last = idle.get(idle.size() - 1);
        List<Map.Entry<String, long[]>> delta = delta(last);
        int n = last.sessions;
        System.out.println();
        System.out.printf(Locale.ROOT, "Class histogram per idle tab (live objects with %,d idle tabs minus before, "
                + "divided by %,d):%n%n", n, n);
        System.out.println("| Springlit class | instances / tab | bytes / tab |");
        System.out.println("|---|---|---|");
        delta.stream().filter(e -> e.getKey().startsWith("dev.springlit") && e.getValue()[1] > 0).limit(15)
                .forEach(e -> histogramRow(e, n));
        int top = Integer.getInteger("bench.histogramRows", 20);
        System.out.println();
        System.out.println("| all classes, top " + top + " | instances / tab | bytes / tab |");
        System.out.println("|---|---|---|");
        delta.stream().limit(top).forEach(e -> histogramRow(e, n));
        System.out.printf(Locale.ROOT, "| total | %.1f | %.0f |%n",
                (last.after.histogram.instances() - last.base.histogram.instances()) / (double) n,
                (last.after.histogram.bytes() - last.base.histogram.bytes()) / (double) n);
        if (parked != null) {
            System.out.println();
            System.out.printf(Locale.ROOT, "What a parked session keeps (%,d sessions whose tabs were closed, per "
                    + "session):%n%n", parked.sessions);
            System.out.println("| class | instances / session | bytes / session |");
            System.out.println("|---|---|---|");
            delta(parked).stream().limit(15).forEach(e -> histogramRow(e, parked.sessions));
            System.out.printf(Locale.ROOT, "| total | %.1f | %.0f |%n",
                    (parked.after.histogram.instances() - parked.base.histogram.instances()) / (double) parked.sessions,
                    parked.livePerSession());
        }
    }

    private static List<Map.Entry<String, long[]>> delta(IdleStep step) {
        List<Map.Entry<String, long[]>> delta = new ArrayList<>();
        Map<String, long[]> before = step.base.histogram.rows();
        for (Map.Entry<String, long[]> e : step.after.histogram.rows().entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            delta.add(Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]}));
        }
        delta.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
        return delta;
    }

    private static void histogramRow(Map.Entry<String, long[]> e, int n) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.0f |%n", e.getKey(), e.getValue()[0] / (double) n,
                e.getValue()[1] / (double) n);
    }

    private static long springlitBytes(ServerProcess.Histogram h) {
        return h.rows().entrySet().stream().filter(e -> e.getKey().startsWith("dev.springlit"))
                .mapToLong(e -> e.getValue()[1]).sum();
    }

    private static void row(StringBuilder t, String metric, String measured, String target, String met) {
        t.append("| ").append(metric).append(" | ").append(measured).append(" | ").append(target).append(" | ")
                .append(met).append(" |\n");
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String ms(double nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.2f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    private static String machine() {
        String cpu = "?";
        String mem = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GB RAM",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0)).orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + mem + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private void checkFileLimit() {
        int needed = Arrays.stream(concurrentSessions).sum() + Arrays.stream(idleSessions).max().orElse(0)
                + ttfrSamples + Math.max(0, dashboardTabs) + 200;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
                    if (!"unlimited".equals(soft) && Long.parseLong(soft) < needed) {
                        throw new IllegalStateException("The driver may open ~" + needed + " sockets but its open-file "
                                + "limit is " + soft + "; raise it first (ulimit -n " + Math.max(needed * 2, 65536) + ")");
                    }
                }
            }
        } catch (IOException e) {
            // not Linux: find out the hard way
        }
    }

    /** Attaches to the server's JVM for its allocation counters; null (figures "n/a") when that fails. */
    private ServerAllocation attachAllocation() {
        try {
            return ServerAllocation.attach(server.pid());
        } catch (IOException | RuntimeException e) {
            log("cannot read the server's allocation counters (the allocation figures say n/a): " + e);
            return null;
        }
    }

    private ServerAllocation.Reading allocationReading() {
        return allocation == null ? null : allocation.read();
    }

    private static long driverCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static int[] ints(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    /** Latencies in nanoseconds. */
    record Summary(int n, double p50, double p99, double max, double mean) {

        static Summary of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Summary(sorted.length, pct(sorted, 0.50), pct(sorted, 0.99), sorted[sorted.length - 1],
                    Arrays.stream(sorted).average().orElse(Double.NaN));
        }

        private static double pct(long[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        @Override
        public String toString() {
            return "p50 " + ms(p50) + ", p99 " + ms(p99) + ", max " + ms(max) + ", mean " + ms(mean) + " (n=" + n + ")";
        }
    }

    /** Server threads after a burst: all of them ({@code /proc}), Tomcat's, and the run pool's. */
    record ThreadCount(String burst, int total, int tomcat, int run) {
    }

    /** The dashboard phase: {@code tabs} tabs, {@code interactions} filter changes each. */
    record DashboardResult(int tabs, int interactions, double rerunsPerSecond, Summary latency, double serverCpuMicros,
                           double bytesPerInteraction, int failedTabs, Allocated allocated) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f reruns/s, %s; server CPU %.0f us and %.0f bytes sent per "
                    + "interaction; server heap allocated per interaction %s; %d tabs failed", rerunsPerSecond, latency,
                    serverCpuMicros, bytesPerInteraction, Allocated.text(allocated), failedTabs);
        }
    }

    record ConcurrentResult(int sessions, int clicks, double rerunsPerSecond, Summary latency, double serverCpuMicros,
                            double driverCpuMicros, Allocated allocated) {
    }

    /**
     * Heap bytes the server allocated per rerun over a phase, and the collections in it: a figure the machine's load
     * hardly moves (the driver's own reads of the counters are included, a few KB per phase).
     */
    record Allocated(double bytesPerRerun, long collections, long collectionMillis) {

        /** Between two readings over {@code reruns} reruns; null when either reading is missing. */
        static Allocated between(ServerAllocation.Reading before, ServerAllocation.Reading after, long reruns) {
            if (before == null || after == null) {
                return null;
            }
            return new Allocated(after.bytesPer(before, reruns), after.collectionsSince(before),
                    after.collectionMillisSince(before));
        }

        static String text(Allocated allocated) {
            return allocated == null ? "n/a" : String.format(Locale.ROOT, "%,.0f B (%d GCs, %d ms)",
                    allocated.bytesPerRerun, allocated.collections, allocated.collectionMillis);
        }
    }

    /** The server after a full GC: heap in use, live objects by class, platform threads, resident set. */
    record Snapshot(long heap, ServerProcess.Histogram histogram, int threads, long rss) {
    }

    /** {@code sessions} tabs (or parked sessions) more than {@code base}. */
    record IdleStep(int sessions, Snapshot base, Snapshot after, double openSeconds) {

        double heapPerSession() {
            return (after.heap - base.heap) / (double) sessions;
        }

        double livePerSession() {
            return (after.histogram.bytes() - base.histogram.bytes()) / (double) sessions;
        }

        double rssPerSession() {
            return base.rss < 0 || after.rss < 0 ? Double.NaN : (after.rss - base.rss) / (double) sessions;
        }

        double springlitPerSession() {
            return (springlitBytes(after.histogram) - springlitBytes(base.histogram)) / (double) sessions;
        }
    }
}
