package dev.springlit.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code redis-server} on a free loopback port for one test class: no persistence, its log in a
 * temporary file. {@link #close()} stops it, and a shutdown hook does if the test JVM dies first.
 *
 * <pre>{@code
 * try (RedisServerProcess redis = RedisServerProcess.start()) {
 *     connect("127.0.0.1", redis.port());
 * }
 * }</pre>
 */
final class RedisServerProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path log;
    private final Thread hook = new Thread(this::kill, "redis-server-stopper");
    private volatile Process process;
    private volatile boolean frozen;

    private RedisServerProcess(int port, Path log) {
        this.port = port;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts a server on a free port and returns once it answers PING. */
    static RedisServerProcess start() throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install -y --no-install-recommends "
                    + "redis-server (.ci/run does this)");
        }
        RedisServerProcess redis = new RedisServerProcess(freePort(), Files.createTempFile("redis-server", ".log"));
        redis.startAgain();
        return redis;
    }

    int port() {
        return port;
    }

    /** Starts the server again on the same port after {@link #stop()}; it comes back empty. */
    void startAgain() throws IOException {
        process = new ProcessBuilder(List.of(BINARY.toString(), "--port", Integer.toString(port), "--save", "",
                "--appendonly", "no", "--bind", "127.0.0.1", "--daemonize", "no"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("redis-server did not start on port " + port + ": "
                        + Files.readString(log));
            }
            sleep(20);
        }
    }

    /** Stops the server (SIGTERM) and waits until it is gone. */
    void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        frozen = false;
    }

    /** Freezes the server (SIGSTOP): it keeps its data but answers nothing until {@link #thaw()}. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
        frozen = true;
    }

    /** Lets a frozen server go on (SIGCONT); does nothing when it is not frozen. */
    void thaw() throws IOException, InterruptedException {
        if (frozen) {
            signal("CONT");
            frozen = false;
        }
    }

    /** Sends {@code signal} ("STOP", "CONT") to the server; prefer {@link #freeze()} and {@link #thaw()}. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " failed");
        }
    }

    /** Stops the server, letting it go on first if it is frozen (a stopped process takes SIGTERM only then). */
    @Override
    public void close() {
        try {
            thaw();
        } catch (IOException | InterruptedException | RuntimeException stuck) {
            kill(); // SIGKILL reaches a frozen process too
        }
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to remove
        }
    }

    private void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }

    private boolean answersPing() {
        try {
            return "+PONG".equals(ping(port, 2000));
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The answer of the server on {@code port} to PING ("+PONG"), read within {@code timeoutMs}. */
    static String ping(int port, int timeoutMs) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).strip();
        }
    }

    /**
     * A free port below the kernel's ephemeral range: while the server is stopped, nothing else is given its port,
     * and a client reconnecting to it cannot be handed that same port as its source and connect to itself.
     */
    private static int freePort() throws IOException {
        int low = 32768;
        try {
            // read as a stream: procfs reports a size of 0, which Files.readString on JDK 17 trusts
            try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                low = Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        .trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException unknown) {
            // Linux's default range starts at 32768
        }
        int from = Math.max(1024, low - 12_000);
        if (low - from < 1000) {
            throw new IOException("the ephemeral port range starts at " + low + ", leaving no room below it");
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(from, low);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between " + from + " and " + low);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
