package dev.springlit.demo.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's redis-server for the cluster tests, on a port below the ephemeral range, without persistence
 * ({@code --save '' --appendonly no}); stopped (SIGKILL) and started again on the same port when a test wants
 * Redis gone for a while.
 */
final class RedisNode implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path log;
    private Process process;

    private RedisNode(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    static RedisNode start() throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("The cluster tests need Debian's redis-server at " + BINARY + ": `apt-get install "
                    + "-y redis-server` (.ci/run does this).");
        }
        RedisNode redis = new RedisNode(Ports.freeOutsideEphemeralRange(), Files.createTempFile("redis-", ".log"));
        redis.startAgain();
        return redis;
    }

    int port() {
        return port;
    }

    synchronized void startAgain() throws IOException {
        process = new ProcessBuilder(List.of(BINARY.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new AssertionError("redis-server did not listen on " + port + ": " + Files.readString(log));
    }

    synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
