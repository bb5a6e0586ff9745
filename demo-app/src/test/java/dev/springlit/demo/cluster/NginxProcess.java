package dev.springlit.demo.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as the load balancer in front of one or two application nodes on 127.0.0.1: a generated
 * nginx.conf that proxies HTTP and WebSocket, fails over to the next node when one refuses connections or dies
 * ({@code proxy_next_upstream}), and optionally serves the application under a path prefix (passing
 * {@code X-Forwarded-Prefix}, and {@code X-Forwarded-Port}: with {@code X-Forwarded-Proto} alone Spring's
 * {@code ForwardedHeaderFilter} takes the scheme's default port, and the WebSocket same-origin check refuses a page
 * served on any other port). Everything it writes (config, logs, pid, temp files) lies in its own temporary
 * directory, so it runs as the current user with no root-owned paths. Give nodes ports from {@link Ports}, outside
 * the kernel's ephemeral range, or a dead node's port may become a connection to itself instead of a failover. {@link #close()} stops it, and a
 * shutdown hook does if the test JVM dies first. Public for the deployment tests in {@code dev.springlit.demo}.
 *
 * <pre>{@code
 * try (NginxProcess nginx = NginxProcess.start(List.of(nodeA, nodeB), Balancing.FAILOVER, "")) {
 *     page.navigate("http://127.0.0.1:" + nginx.port() + "/counter");
 * }
 * }</pre>
 */
public final class NginxProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");

    /** How requests are spread over the upstream nodes. */
    public enum Balancing {
        /** Every request to the first node while it is up; the others are backups. */
        FAILOVER,
        /** Requests alternate between the nodes. */
        ROUND_ROBIN
    }

    private final Process process;
    private final Path directory;
    private final int port;
    private final Thread hook = new Thread(this::kill, "nginx-stopper");

    private NginxProcess(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts nginx on a free port in front of {@code upstreamPorts} and returns once it accepts connections.
     *
     * @param prefix "" to proxy every path as it is, or e.g. "/app": then "/app/x" reaches the nodes as "/x"
     *               with {@code X-Forwarded-Prefix: /app}
     */
    public static NginxProcess start(List<Integer> upstreamPorts, Balancing balancing, String prefix) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install -y --no-install-recommends nginx "
                    + "(.ci/run does this)");
        }
        if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/") || !prefix.matches("[/\\w.-]+"))) {
            throw new IllegalArgumentException("A path prefix looks like /app");
        }
        Path directory = Files.createTempDirectory("nginx");
        int port = Ports.freeOutsideEphemeralRange();
        Path config = directory.resolve("nginx.conf");
        Files.writeString(config, config(directory, port, upstreamPorts, balancing, prefix));
        Path errorLog = directory.resolve("error.log");
        Process process = new ProcessBuilder(List.of(BINARY.toString(), "-p", directory.toString(), "-c",
                config.toString(), "-e", errorLog.toString(), "-g", "daemon off;"))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("console.log").toFile())
                .start();
        NginxProcess nginx = new NginxProcess(process, directory, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!nginx.accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                nginx.close();
                throw new IllegalStateException("nginx did not start: " + Files.readString(errorLog)
                        + Files.readString(directory.resolve("console.log")));
            }
            sleep(20);
        }
        return nginx;
    }

    static String config(Path directory, int port, List<Integer> upstreamPorts, Balancing balancing, String prefix) {
        if (upstreamPorts.isEmpty()) {
            throw new IllegalArgumentException("nginx needs at least one upstream node");
        }
        StringBuilder upstream = new StringBuilder();
        for (int i = 0; i < upstreamPorts.size(); i++) {
            // one refused connection takes a node out for a second; then nginx tries it again
            upstream.append("    server 127.0.0.1:").append(upstreamPorts.get(i)).append(" max_fails=1 fail_timeout=1s")
                    .append(balancing == Balancing.FAILOVER && i > 0 ? " backup" : "").append(";\n");
        }
        String dir = directory.toString();
        // as root, nginx would hand its workers to "nobody", which cannot enter our private temporary directory
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        String location = prefix.isEmpty() ? "/" : prefix + "/";
        String target = prefix.isEmpty() ? "http://springlit_nodes" : "http://springlit_nodes/";
        return user + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 1024; }
                http {
                  access_log %1$s/access.log;
                  client_body_temp_path %1$s/client_body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                  upstream springlit_nodes {
                %2$s  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location %4$s {
                      proxy_pass %5$s;
                      proxy_http_version 1.1;
                      proxy_set_header Upgrade $http_upgrade;
                      proxy_set_header Connection $connection_upgrade;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_set_header X-Forwarded-Port $server_port;
                      proxy_set_header X-Forwarded-Prefix "%6$s";
                      proxy_next_upstream error timeout http_502 http_503;
                      proxy_next_upstream_tries 2;
                      proxy_connect_timeout 1s;
                      proxy_read_timeout 1h;
                      proxy_send_timeout 1h;
                      proxy_buffering off;
                    }
                  }
                }
                """.formatted(dir, upstream, port, location, target, prefix);
    }

    public int port() {
        return port;
    }

    /** nginx's error log so far, for assertion messages. */
    public String errorLog() throws IOException {
        Path log = directory.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown, workers included
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private boolean accepts() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
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
