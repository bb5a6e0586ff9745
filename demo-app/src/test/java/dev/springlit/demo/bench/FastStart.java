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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Startup to healthy and fresh RSS of the demo app launched four ways, each started {@code runs} times:
 * the executable jar; Spring Boot's CDS recipe on the same JDK (the jar extracted with
 * {@code -Djarmode=tools ... extract}, a training run with {@code -XX:ArchiveClassesAtExit=app.jsa
 * -Dspring.context.exit=onRefresh}, then {@code -XX:SharedArchiveFile=app.jsa}); and, on a JDK 25, the executable
 * jar and the AOT cache ({@code -XX:AOTCacheOutput=app.aot} training run, then {@code -XX:AOTCache=app.aot}).
 * The flags are those of Spring Boot's reference ("Efficient Deployments", "AOT Cache"). Every server gets the
 * benchmark server's options; the extracted forms are started from their directory, by the relative jar path
 * they were trained with, as the archive requires.
 */
final class FastStart {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration TRAINING_LIMIT = Duration.ofSeconds(120);

    /** One way of launching: median and best startup to healthy, median fresh RSS. */
    record Result(String name, String java, List<Duration> startups, List<Long> rss, String note) {

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

    FastStart(Path jar, Path java, Path java25, List<String> serverJvmArgs, Path out, HttpClient client, int runs) {
        this.jar = jar;
        this.java = java;
        this.java25 = java25;
        this.serverJvmArgs = serverJvmArgs;
        this.out = out.resolve("fast-start");
        this.client = client;
        this.runs = runs;
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
        String training = train(java, extracted, jarName.toString(), "-XX:ArchiveClassesAtExit=app.jsa", jsa);
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
            training = train(java25, extracted25, jarName.toString(), "-XX:AOTCacheOutput=app.aot", aot);
            if (training == null) {
                launches.add(new Launch("JDK 25: AOT cache (extracted + app.aot)", java25,
                        List.of("-XX:AOTCache=app.aot"), jarName, extracted25,
                        String.format(Locale.ROOT, "cache %.0f MB", mb(aot))));
            } else {
                failures.add(failed("JDK 25: AOT cache (extracted + app.aot)", java25, training));
            }
        }

        List<List<Duration>> startups = new ArrayList<>();
        List<List<Long>> rss = new ArrayList<>();
        for (int i = 0; i < launches.size(); i++) {
            startups.add(new ArrayList<>());
            rss.add(new ArrayList<>());
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
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < launches.size(); i++) {
            Launch launch = launches.get(i);
            results.add(new Result(launch.name(), launch.java().toString(), startups.get(i), rss.get(i), launch.note()));
        }
        results.addAll(failures);
        return results;
    }

    private static Result failed(String name, Path javaBin, String why) {
        return new Result(name, String.valueOf(javaBin), List.of(), List.of(), "not measured: " + why);
    }

    /** {@code java -Djarmode=tools -jar app.jar extract --destination dir}: the jar and lib/ next to it. */
    private Path extract(Path javaBin, Path dir) throws IOException, InterruptedException {
        deleteTree(dir);
        Files.createDirectories(dir.getParent());
        String failure = run(javaBin, List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                dir.toString()), null, dir.getParent().resolve(dir.getFileName() + "-extract.log"));
        if (failure != null) {
            throw new IllegalStateException("extracting the jar failed: " + failure);
        }
        return dir;
    }

    /** A training run that exits once the context is refreshed; null when it left {@code product}, else why not. */
    private String train(Path javaBin, Path dir, String jarName, String flag, Path product)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-Xmx512m"));
        args.addAll(serverJvmArgs);
        args.add(flag);
        args.add("-Dspring.context.exit=onRefresh");
        args.add("-jar");
        args.add(jarName);
        args.add("--server.port=0");
        String failure = run(javaBin, args, dir, dir.resolve("training.log"));
        if (failure != null) {
            return failure;
        }
        return Files.isRegularFile(product) ? null : "the training run left no " + product.getFileName();
    }

    private static String run(Path javaBin, List<String> args, Path dir, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaBin.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " took over " + TRAINING_LIMIT.toSeconds() + " s (" + log + ")";
        }
        return process.exitValue() == 0 ? null
                : String.join(" ", command) + " exited with " + process.exitValue() + " (" + log + ")";
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
