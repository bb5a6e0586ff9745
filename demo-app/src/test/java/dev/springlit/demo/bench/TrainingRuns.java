package dev.springlit.demo.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The training runs that leave a CDS archive or an AOT cache in an extracted jar's directory (README "Fast start"):
 * Spring Boot's, which exits once the context is refreshed, and one that serves the first page first. Each returns
 * null when it left its product, else why not.
 */
final class TrainingRuns {

    static final Duration LIMIT = Duration.ofSeconds(120);

    private final List<String> serverJvmArgs;
    private final HttpClient client;

    TrainingRuns(List<String> serverJvmArgs, HttpClient client) {
        this.serverJvmArgs = serverJvmArgs;
        this.client = client;
    }

    /** A training run that exits once the context is refreshed; null when it left {@code product}, else why not. */
    String exitAtRefresh(Path javaBin, Path dir, String jarName, List<String> flags, Path product)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-Xmx512m"));
        args.addAll(serverJvmArgs);
        args.addAll(flags);
        args.add("-Dspring.context.exit=onRefresh");
        args.add("-jar");
        args.add(jarName);
        args.add("--server.port=0");
        String failure = run(javaBin, args, dir, dir.resolve(product.getFileName() + "-training.log"));
        if (failure != null) {
            return failure;
        }
        return Files.isRegularFile(product) ? null : "the training run left no " + product.getFileName();
    }

    /** Runs {@code java args} in {@code dir} to its end (at most {@link #LIMIT}); null when it exited with 0, else why. */
    static String run(Path javaBin, List<String> args, Path dir, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaBin.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " took over " + LIMIT.toSeconds() + " s (" + log + ")";
        }
        return process.exitValue() == 0 ? null
                : String.join(" ", command) + " exited with " + process.exitValue() + " (" + log + ")";
    }

    /**
     * A training run that serves the first page, as the deployed app will right after its start, instead of exiting
     * at the context's refresh: started like a measured launch with {@code -XX:AOTCacheOutput}, asked for
     * {@code GET /counter} until it answers, then stopped with SIGTERM; the JVM writes the cache as it exits. So the
     * cache also holds what Tomcat's start and the first request load (Spring's lifecycle never starts in a
     * {@code spring.context.exit=onRefresh} run). Null when it left {@code product}, else why not.
     */
    String servingFirstPage(Path javaBin, Path dir, Path jarName, List<String> flags, Path product)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(serverJvmArgs);
        args.addAll(flags);
        args.add("-XX:AOTCacheOutput=" + product.getFileName());
        Files.deleteIfExists(product);
        Path log = dir.resolve(product.getFileName() + "-training.log");
        try (ServerProcess server = ServerProcess.start(javaBin, jarName, args, List.of(), log, dir)) {
            server.awaitReady(client, LIMIT);
            if (!server.stop(LIMIT)) {
                return "the training run did not exit within " + LIMIT.toSeconds() + " s of SIGTERM (" + log + ")";
            }
        } catch (IllegalStateException e) {
            return "the training run failed: " + e.getMessage();
        }
        return Files.isRegularFile(product) ? null
                : "the training run left no " + product.getFileName() + " (" + log + ")";
    }
}
