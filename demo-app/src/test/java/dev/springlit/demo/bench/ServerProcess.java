package dev.springlit.demo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo app as a separate JVM on 127.0.0.1, and what {@code jcmd} and {@code /proc} tell about it. The
 * process is killed by {@link #close()} and, should the driver die first, by a shutdown hook. Public for the attack
 * tests that need a small heap of their own (HeapExhaustionIT).
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s.*?\\bused\\s+(\\d+)K");
    /** Serial and Parallel GC print a line per generation instead of G1's one heap line. */
    private static final Pattern GENERATION_USED = Pattern.compile(
            "(?m)^\\s*(?:DefNew|Tenured|PSYoungGen|ParOldGen)\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

    private final Process process;
    private final Path javaBin;
    private final Path log;
    private final int port;
    private final List<String> command;
    private final long startedAt;
    private final Thread killer;

    private ServerProcess(Process process, long startedAt, Path javaBin, Path log, int port, List<String> command) {
        this.process = process;
        this.startedAt = startedAt;
        this.javaBin = javaBin;
        this.log = log;
        this.port = port;
        this.command = command;
        this.killer = new Thread(this::kill, "bench-server-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    public static ServerProcess start(Path java, Path jar, List<String> jvmArgs, List<String> appArgs, Path logDir)
            throws IOException {
        return start(java, jar, jvmArgs, appArgs, logDir.resolve("server.log"), null);
    }

    /**
     * Starts {@code java [jvmArgs] -jar jar} in {@code workDir} (the current directory when null): the CDS archive
     * and the AOT cache only work when the extracted jar is launched by the relative path it was trained with.
     */
    static ServerProcess start(Path java, Path jar, List<String> jvmArgs, List<String> appArgs, Path log, Path workDir)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xmx512m");
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--streamlit.server.max-sessions=20000");
        // the benchmark's drivers click as fast as the server answers: far beyond any person's flood limit
        command.add("--streamlit.server.max-messages-per-second=1000000");
        // every tab of the benchmark comes from 127.0.0.1: no per-address limits
        if (appArgs.stream().noneMatch(a -> a.startsWith("--streamlit.server.max-sessions-per-address="))) {
            command.add("--streamlit.server.max-sessions-per-address=0");
        }
        if (appArgs.stream().noneMatch(a -> a.startsWith("--streamlit.server.max-connections-per-address="))) {
            command.add("--streamlit.server.max-connections-per-address=0");
        }
        if (appArgs.stream().noneMatch(a -> a.startsWith("--server.tomcat.max-connections="))) {
            // Tomcat accepts 8,192 connections by default: the 8,193rd tab would wait in the accept queue forever
            command.add("--server.tomcat.max-connections=20000");
        }
        command.addAll(appArgs);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        long startedAt = System.nanoTime();
        Process process = builder.start();
        return new ServerProcess(process, startedAt, java.getParent(), log, port, command);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    List<String> command() {
        return command;
    }

    public Path log() {
        return log;
    }

    /**
     * Polls {@code GET /counter} every 10 ms until it answers 200, and returns the time from just before the
     * process was started to that answer: startup to healthy, as a load balancer would see it (the demo has no
     * Actuator, so its first page is its health check).
     */
    public Duration awaitReady(HttpClient client, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI page = URI.create("http://127.0.0.1:" + port + "/counter");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + " before it was ready; "
                        + "see " + log + "\n" + tail(40));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedAt);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("The server was not ready within " + timeout.toSeconds() + " s; see " + log
                + "\n" + tail(40));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    // ---- jcmd and /proc --------------------------------------------------------------------------------------

    String jcmd(String... command) {
        List<String> argv = new ArrayList<>();
        Path jcmd = javaBin.resolve("jcmd");
        argv.add(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd");
        argv.add(Long.toString(process.pid()));
        argv.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " timed out");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("could not run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running jcmd", e);
        }
    }

    /** The server's JVM, as {@code jcmd VM.version} reports it (first lines without the pid). */
    String vmVersion() {
        String[] lines = jcmd("VM.version").split("\n");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.matches("\\d+:")) {
                continue;
            }
            if (l.startsWith("JDK ")) {
                out.append(out.isEmpty() ? "" : ", ").append(l);
            } else if (out.isEmpty()) {
                out.append(l);
            }
        }
        return out.toString();
    }

    /** A full GC and the heap then in use (bytes, from {@code GC.heap_info}). */
    public long heapUsedAfterFullGc() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (m.find()) {
            return Long.parseLong(m.group(1)) * 1024;
        }
        Matcher generations = GENERATION_USED.matcher(info);
        long used = 0;
        boolean found = false;
        while (generations.find()) {
            used += Long.parseLong(generations.group(1)) * 1024;
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("could not read GC.heap_info: " + info);
        }
        return used;
    }

    /** The live-object class histogram (it runs a full GC first). */
    Histogram histogram() {
        String text = jcmd("GC.class_histogram");
        Map<String, long[]> rows = new LinkedHashMap<>();
        long totalBytes = -1;
        long totalInstances = -1;
        for (String line : text.split("\n")) {
            Matcher row = HISTOGRAM_ROW.matcher(line);
            if (row.find()) {
                rows.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                continue;
            }
            Matcher total = HISTOGRAM_TOTAL.matcher(line.strip());
            if (total.find()) {
                totalInstances = Long.parseLong(total.group(1));
                totalBytes = Long.parseLong(total.group(2));
            }
        }
        if (totalBytes < 0) {
            throw new IllegalStateException("could not read GC.class_histogram: "
                    + text.substring(0, Math.min(500, text.length())));
        }
        return new Histogram(rows, totalInstances, totalBytes);
    }

    /** Threads of the server process ({@code Threads:} of /proc/<pid>/status): platform threads only. */
    int threads() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring(8).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to jcmd
        }
        String dump = jcmd("Thread.print");
        int count = 0;
        for (String line : dump.split("\n")) {
            if (line.startsWith("\"")) {
                count++;
            }
        }
        return count;
    }

    /**
     * Threads named by owner, from {@code jcmd Thread.print}: {@code tomcat} (http-nio-* request threads, poller,
     * acceptor) and {@code run} (springlit-run-*, the threads that run pages).
     */
    Map<String, Integer> namedThreads() {
        Map<String, Integer> owners = new LinkedHashMap<>();
        owners.put("tomcat", 0);
        owners.put("run", 0);
        for (String line : jcmd("Thread.print").split("\n")) {
            if (line.startsWith("\"http-nio-")) {
                owners.merge("tomcat", 1, Integer::sum);
            } else if (line.startsWith("\"springlit-run-")) {
                owners.merge("run", 1, Integer::sum);
            }
        }
        return owners;
    }

    /**
     * CPU clock ticks (user + system, 1/100 s on Linux) of the server's live threads so far, summed by kind of
     * thread: its {@code /proc/<pid>/task/<tid>/comm} name (15 characters) without numbers ({@code C2 CompilerThre},
     * {@code GC Thread#}, {@code http-nio--}, ...); empty where there is no {@code /proc}. Threads that ended are missing,
     * so only differences over a phase without thread churn mean much.
     */
    Map<String, Long> cpuTicksByThreadKind() {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        try (var dirs = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) dirs::iterator) {
                try {
                    // digits dropped (thread numbers, the port), except a compiler's ("C2 CompilerThre")
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("(?<![A-Z])[0-9]+", "");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    /** CPU time the server process has used so far (user + system), in nanoseconds; 10 ms resolution. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /**
     * Voluntary context switches of all the server's threads so far (each {@code /proc} task), or -1 where there is
     * no {@code /proc}: how often threads waited for something and were woken, which a busy machine hardly changes
     * (involuntary switches, preemptions, grow with the load and are left out).
     * Threads that ended meanwhile are not counted, so only differences over a phase without thread churn mean much.
     */
    long contextSwitches() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        long sum = 0;
        try (var dirs = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) dirs::iterator) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while we listed it
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return sum;
    }

    /** Resident set size of the server process in bytes (VmRSS), or -1. */
    long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Stops the server with SIGTERM and waits up to {@code limit} for it to exit (a training run writes its AOT cache
     * then); false, and the process killed, when it did not exit in time.
     */
    boolean stop(Duration limit) throws InterruptedException {
        process.destroy();
        if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly();
        return false;
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void kill() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Live objects by class: instances and bytes. */
    record Histogram(Map<String, long[]> rows, long instances, long bytes) {
    }
}
