package dev.springlit.demo.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One demo application instance in its own JVM (the packaged jar), on a fixed port so that nginx's configuration
 * stays valid across a kill and a restart, with {@code streamlit.session.store=redis}.
 */
final class DemoNode implements AutoCloseable {

    static final Path JAR = Path.of("target", "springlit-demo-app-0.1.0.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final String name;
    private final int port;
    private final int redisPort;
    private final Path log;
    private Process process;

    private DemoNode(String name, int port, int redisPort, Path log) {
        this.name = name;
        this.port = port;
        this.redisPort = redisPort;
        this.log = log;
    }

    /** A node that is not running yet: {@link #start()} it. */
    static DemoNode on(String name, int redisPort) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError("The cluster tests start the demo jar " + JAR + ", built in the package phase.");
        }
        return new DemoNode(name, Ports.freeOutsideEphemeralRange(), redisPort,
                Files.createTempFile("springlit-" + name + "-", ".log"));
    }

    int port() {
        return port;
    }

    /** Starts the JVM and returns once it serves the counter page. */
    synchronized DemoNode start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-jar", JAR.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--server.shutdown=graceful",
                "--spring.lifecycle.timeout-per-shutdown-phase=5s",
                "--streamlit.session.store=redis", "--streamlit.session.node-id=" + name,
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
                "--spring.data.redis.timeout=2s", "--spring.data.redis.connect-timeout=5s",
                "--streamlit.server.max-messages-per-second=100000",
                "--logging.level.dev.springlit=INFO"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited at startup:\n" + tail());
            }
            if (serves()) {
                return this;
            }
            sleep(100);
        }
        throw new AssertionError(name + " did not serve /counter within 90 s:\n" + tail());
    }

    private boolean serves() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/counter")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: nothing is saved or said; the tabs notice the dropped connection. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            await(process);
            process = null;
        }
    }

    /** SIGTERM: Spring's graceful shutdown, which hands the tabs over first (S9.7). */
    synchronized void stopGracefully() {
        if (process != null) {
            process.destroy();
            await(process);
            process = null;
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        kill();
    }

    private static void await(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
