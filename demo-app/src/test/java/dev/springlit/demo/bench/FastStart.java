// Over 300 lines: every fast-start launch (extraction, training, flags, the rounds that start them) in one place, so the rows of the table read as one recipe.
package dev.springlit.demo.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Startup to healthy, fresh RSS and process CPU to healthy of the demo app launched six ways, each started
 * {@code runs} times: the executable jar; Spring Boot's CDS recipe on the same JDK (the jar extracted with
 * {@code -Djarmode=tools ... extract}, a training run with {@code -XX:ArchiveClassesAtExit=app.jsa
 * -Dspring.context.exit=onRefresh}, then {@code -XX:SharedArchiveFile=app.jsa}); and, on a JDK 25, the executable
 * jar, the AOT cache ({@code -XX:AOTCacheOutput=app.aot} training run, then {@code -XX:AOTCache=app.aot}), the AOT
 * cache with Spring's AOT-processed bean definitions ({@code -Dspring.aot.enabled=true}, when the jar has them), and
 * that with {@link #SMALL_FOOTPRINT}. The flags are those of Spring Boot's reference ("Efficient Deployments", "AOT
 * Cache"). Two more launches train the cache by serving the first page instead of exiting at the context's refresh
 * ({@link TrainingRuns#servingFirstPage}): with {@link #SMALL_FOOTPRINT}, and with {@link #SMALLEST} and
 * {@link #NO_TRAINING_PROFILES} too (README "Fast start"'s recipe). Every server gets the
 * benchmark server's options; the extracted forms are started from their directory, by the relative jar path
 * they were trained with, as the archive requires.
 */
final class FastStart {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    /** Starts the application from the bean definitions {@code process-aot} generated. */
    private static final String SPRING_AOT = "-Dspring.aot.enabled=true";
    /** README "Fast start"'s JVM options for a small deployment (docs/benchmark.md gives each one's gain and cost). */
    static final List<String> SMALL_FOOTPRINT = List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:TieredStopAtLevel=1");
    /**
     * Added to {@link #SMALL_FOOTPRINT} at start for the smallest fresh RSS: a 2 MB young generation until the first
     * full collection resizes it (Serial GC touches all of its eden before the first young collection).
     */
    static final List<String> SMALLEST = List.of("-XX:NewSize=2m");
    /** Training without method profiles (a diagnostic flag): the cache is smaller, and C1 alone hardly uses them. */
    static final List<String> NO_TRAINING_PROFILES =
            List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");

    /**
     * One way of launching: median and best startup to healthy, median fresh RSS, and the process's CPU time to
     * healthy (what a loaded machine changes least).
     */
    record Result(String name, String java, List<Duration> startups, List<Long> rss, List<Duration> cpu, String note) {

        Duration medianCpu() {
            List<Duration> sorted = cpu.stream().sorted().toList();
            return sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2);
        }

        Duration medianStartup() {
            List<Duration> sorted = startups.stream().sorted().toList();
            return sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2);
        }

        Duration bestStartup() {
            return startups.stream().min(Comparator.naturalOrder()).orElse(null);
        }

        long medianRss() {
            List<Long> sorted = rss.stream().sorted().toList();
            return sorted.isEmpty() ? -1 : sorted.get((sorted.size() - 1) / 2);
        }
    }

    private final Path jar;
    private final Path java;
    private final Path java25;
    private final List<String> serverJvmArgs;
    private final Path out;
    private final HttpClient client;
    private final int runs;
    private final TrainingRuns trainings;

    FastStart(Path jar, Path java, Path java25, List<String> serverJvmArgs, Path out, HttpClient client, int runs) {
        this.jar = jar;
        this.java = java;
        this.java25 = java25;
        this.serverJvmArgs = serverJvmArgs;
        this.out = out.resolve("fast-start");
        this.client = client;
        this.runs = runs;
        this.trainings = new TrainingRuns(serverJvmArgs, client);
    }

    /**
     * The fast-start launches alone, without the load phases (docs/benchmark.md "Fast start"): the same properties as
     * {@link LoadBenchmark} ({@code bench.jar}, {@code bench.serverJava}, {@code bench.java25},
     * {@code bench.serverJvmArgs}, {@code bench.fastStartRuns}, {@code bench.out}); one line per launch.
     */
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "demo-app/target/springlit-demo-app-0.1.0.jar"))
                .toAbsolutePath();
        Path java = Path.of(System.getProperty("bench.serverJava",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Path java25 = Path.of(System.getProperty("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
        List<String> jvmArgs = Stream.of(System.getProperty("bench.serverJvmArgs", "").split("\\s+"))
                .filter(a -> !a.isBlank()).toList();
        Path out = Path.of(System.getProperty("bench.out", "demo-app/target/bench")).toAbsolutePath();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        LoadSampler load = new LoadSampler();
        List<Result> results = new FastStart(jar, java, java25, jvmArgs, out, client,
                Integer.getInteger("bench.fastStartRuns", 3)).measure();
        load.close();
        for (Result r : results) {
            Duration median = r.medianStartup();
            System.out.printf(Locale.ROOT, "%s: startups %s, median %s; CPU to healthy %s, median %s; RSS MB %s; %s%n",
                    r.name(), r.startups().stream().map(FastStart::seconds).toList(), median == null ? "-" : seconds(median),
                    r.cpu().stream().map(FastStart::seconds).toList(), median == null ? "-" : seconds(r.medianCpu()),
                    r.rss().stream().map(b -> b / 1048576).toList(), r.note());
        }
        System.out.println("load average (1 min) during the launches: " + load.summary());
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    /** How to launch the app; {@code workDir} null: the current directory. */
    private record Launch(String name, Path java, List<String> jvmArgs, Path jar, Path workDir, String note) {
    }

    /**
     * Prepares every launch (extraction, training runs), then starts them in rounds, one of each per round, so
     * that a change in the machine's load during the phase falls on all of them alike.
     */
    List<Result> measure() throws IOException, InterruptedException {
        List<Launch> launches = new ArrayList<>();
        List<Result> failures = new ArrayList<>();
        Path jarName = jar.getFileName();
        launches.add(new Launch("java -jar", java, List.of(), jar, null, ""));

        Path extracted = extract(java, out.resolve("jdk" + feature(java)));
        Path jsa = extracted.resolve("app.jsa");
        String training = trainings.exitAtRefresh(java, extracted, jarName.toString(),
                List.of("-XX:ArchiveClassesAtExit=app.jsa"), jsa);
        if (training == null) {
            launches.add(new Launch("CDS (extracted + app.jsa)", java, List.of("-XX:SharedArchiveFile=app.jsa"),
                    jarName, extracted, String.format(Locale.ROOT, "archive %.0f MB", mb(jsa))));
        } else {
            failures.add(failed("CDS (extracted + app.jsa)", java, training));
        }

        if (java25 == null || !Files.isExecutable(java25)) {
            failures.add(failed("JDK 25: AOT cache", java25, "no JDK 25 at " + java25 + " (-Dbench.java25=…)"));
        } else {
            launches.add(new Launch("JDK 25: java -jar", java25, List.of(), jar, null, ""));
            Path extracted25 = extract(java25, out.resolve("jdk25"));
            Path aot = extracted25.resolve("app.aot");
            training = trainings.exitAtRefresh(java25, extracted25, jarName.toString(),
                    List.of("-XX:AOTCacheOutput=app.aot"), aot);
            if (training == null) {
                launches.add(new Launch("JDK 25: AOT cache (extracted + app.aot)", java25,
                        List.of("-XX:AOTCache=app.aot", "-XX:AOTMode=on"), jarName, extracted25,
                        String.format(Locale.ROOT, "cache %.0f MB", mb(aot))));
            } else {
                failures.add(failed("JDK 25: AOT cache (extracted + app.aot)", java25, training));
            }
            springAot(java25, extracted25, jarName, launches, failures);
            trainedOnFirstPage(java25, extracted25, jarName, launches, failures);
        }

        List<List<Duration>> startups = new ArrayList<>();
        List<List<Long>> rss = new ArrayList<>();
        List<List<Duration>> cpu = new ArrayList<>();
        for (int i = 0; i < launches.size(); i++) {
            startups.add(new ArrayList<>());
            rss.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
        }
        for (int round = 0; round < runs; round++) {
            for (int i = 0; i < launches.size(); i++) {
                Launch launch = launches.get(i);
                List<String> jvmArgs = new ArrayList<>(serverJvmArgs);
                jvmArgs.addAll(launch.jvmArgs());
                Path log = out.resolve(slug(launch.name()) + "-" + round + ".log");
                try (ServerProcess server = ServerProcess.start(launch.java(), launch.jar(), jvmArgs, List.of(), log,
                        launch.workDir())) {
                    startups.get(i).add(server.awaitReady(client, START_LIMIT));
                    rss.get(i).add(server.rss());
                    cpu.get(i).add(Duration.ofNanos(server.cpuNanos()));
                    if (jvmArgs.contains(SPRING_AOT) && !server.tail(2000).contains("Starting AOT-processed")) {
                        throw new IllegalStateException(launch.name() + " did not start from its AOT-processed "
                                + "bean definitions; see " + log);
                    }
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < launches.size(); i++) {
            Launch launch = launches.get(i);
            results.add(new Result(launch.name(), launch.java().toString(), startups.get(i), rss.get(i),
                    cpu.get(i), launch.note()));
        }
        results.addAll(failures);
        return results;
    }

    /**
     * Spring's AOT processing (bean definitions generated at build time, {@code -Dspring.aot.enabled=true}) with the
     * JDK 25 AOT cache, trained with it; then the same with {@link #SMALL_FOOTPRINT}. Only for a jar built with
     * {@code process-aot} (the bench profile does it); another jar says so in its row.
     */
    private void springAot(Path java25, Path extracted25, Path jarName, List<Launch> launches, List<Result> failures)
            throws IOException, InterruptedException {
        String name = "JDK 25: Spring AOT + AOT cache (extracted + spring.aot.enabled + app-spring.aot)";
        String smallName = "JDK 25: Spring AOT + AOT cache + small footprint (" + String.join(" ", SMALL_FOOTPRINT) + ")";
        if (!springAotProcessed(jar)) {
            String why = "the jar was built without Spring AOT processing (-Dspring-boot.aot.skip=false)";
            failures.add(failed(name, java25, why));
            failures.add(failed(smallName, java25, why));
            return;
        }
        List<String> aot = List.of(SPRING_AOT);
        Path cache = extracted25.resolve("app-spring.aot");
        String training = trainings.exitAtRefresh(java25, extracted25, jarName.toString(),
                List.of(SPRING_AOT, "-XX:AOTCacheOutput=" + cache.getFileName()), cache);
        if (training == null) {
            launches.add(new Launch(name, java25, List.of(SPRING_AOT, "-XX:AOTCache=" + cache.getFileName(),
                    "-XX:AOTMode=on"), jarName, extracted25, String.format(Locale.ROOT, "cache %.0f MB", mb(cache))));
        } else {
            failures.add(failed(name, java25, training));
        }
        Path smallCache = extracted25.resolve("app-spring-small.aot");
        List<String> small = new ArrayList<>(aot);
        small.addAll(SMALL_FOOTPRINT);
        List<String> smallTraining = new ArrayList<>(small);
        smallTraining.add("-XX:AOTCacheOutput=" + smallCache.getFileName());
        training = trainings.exitAtRefresh(java25, extracted25, jarName.toString(), smallTraining, smallCache);
        if (training == null) {
            small.add("-XX:AOTCache=" + smallCache.getFileName());
            small.add("-XX:AOTMode=on");
            launches.add(new Launch(smallName, java25, small, jarName, extracted25,
                    String.format(Locale.ROOT, "cache %.0f MB", mb(smallCache))));
        } else {
            failures.add(failed(smallName, java25, training));
        }
    }

    /**
     * Spring AOT + the AOT cache + {@link #SMALL_FOOTPRINT} with the cache trained by a run that served the first page
     * ({@link TrainingRuns#servingFirstPage}); then also {@link #SMALLEST}, trained with {@link #NO_TRAINING_PROFILES}.
     */
    private void trainedOnFirstPage(Path java25, Path extracted25, Path jarName, List<Launch> launches,
                                    List<Result> failures) throws IOException, InterruptedException {
        String name = "JDK 25: Spring AOT + AOT cache trained on the first page + small footprint";
        String smallestName = name + " + " + String.join(" ", SMALLEST) + ", trained with -XX:-AOTRecordTraining";
        if (!springAotProcessed(jar)) {
            String why = "the jar was built without Spring AOT processing (-Dspring-boot.aot.skip=false)";
            failures.add(failed(name, java25, why));
            failures.add(failed(smallestName, java25, why));
            return;
        }
        List<String> small = new ArrayList<>(List.of(SPRING_AOT));
        small.addAll(SMALL_FOOTPRINT);
        Path cache = extracted25.resolve("app-first-page.aot");
        String training = trainings.servingFirstPage(java25, extracted25, jarName, small, cache);
        if (training == null) {
            launches.add(new Launch(name, java25, withCache(small, cache), jarName, extracted25,
                    String.format(Locale.ROOT, "cache %.0f MB", mb(cache))));
        } else {
            failures.add(failed(name, java25, training));
        }
        List<String> smallestTraining = new ArrayList<>(small);
        smallestTraining.addAll(NO_TRAINING_PROFILES);
        Path smallestCache = extracted25.resolve("app-first-page-smallest.aot");
        training = trainings.servingFirstPage(java25, extracted25, jarName, smallestTraining, smallestCache);
        if (training == null) {
            List<String> smallest = new ArrayList<>(small);
            smallest.addAll(SMALLEST);
            launches.add(new Launch(smallestName, java25, withCache(smallest, smallestCache), jarName, extracted25,
                    String.format(Locale.ROOT, "cache %.0f MB", mb(smallestCache))));
        } else {
            failures.add(failed(smallestName, java25, training));
        }
    }

    private static List<String> withCache(List<String> flags, Path cache) {
        List<String> all = new ArrayList<>(flags);
        all.add("-XX:AOTCache=" + cache.getFileName());
        all.add("-XX:AOTMode=on");
        return all;
    }

    /** Whether {@code process-aot} generated the application's context initializer into the jar. */
    static boolean springAotProcessed(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/classes/")
                    && e.getName().endsWith("__ApplicationContextInitializer.class"));
        }
    }

    private static Result failed(String name, Path javaBin, String why) {
        return new Result(name, String.valueOf(javaBin), List.of(), List.of(), List.of(),
                "not measured: " + why);
    }

    /** {@code java -Djarmode=tools -jar app.jar extract --destination dir}: the jar and lib/ next to it. */
    private Path extract(Path javaBin, Path dir) throws IOException, InterruptedException {
        deleteTree(dir);
        Files.createDirectories(dir.getParent());
        String failure = TrainingRuns.run(javaBin, List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                dir.toString()), null, dir.getParent().resolve(dir.getFileName() + "-extract.log"));
        if (failure != null) {
            throw new IllegalStateException("extracting the jar failed: " + failure);
        }
        return dir;
    }

    /** The JDK's feature release, from {@code release} next to its bin directory ("17" when unknown). */
    static String feature(Path javaBin) {
        try {
            for (String line : Files.readAllLines(javaBin.toAbsolutePath().getParent().getParent().resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring(13).replace("\"", "");
                    return version.split("[.+]")[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            // a JDK without a release file
        }
        return "17";
    }

    private static double mb(Path file) {
        try {
            return Files.size(file) / 1048576.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
