package dev.springlit.demo.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in application node for load-balancer tests: answers any GET with its name, the path it received and
 * the {@code X-Forwarded-Prefix} it was given, and accepts a WebSocket upgrade, then sends one text frame
 * ("hello from NAME"). Just enough HTTP to see where nginx sent a request. Once {@link #close()} returns the node
 * is down as a crashed one is: its port refuses connections.
 */
final class TinyNode implements AutoCloseable {

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final String name;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tiny-node");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch acceptEnded = new CountDownLatch(1);
    private volatile boolean down;

    private TinyNode(String name, ServerSocket server) {
        this.name = name;
        this.server = server;
        connections.execute(this::accept);
    }

    static TinyNode start(String name) throws IOException {
        return new TinyNode(name, Ports.bindOutsideEphemeralRange());
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        try {
            while (!server.isClosed()) {
                Socket socket;
                try {
                    socket = server.accept();
                } catch (IOException closed) {
                    return;
                }
                if (down) {
                    closeQuietly(socket); // came in as the node went down: dropped, as a crashed node's would be
                    continue;
                }
                try {
                    connections.execute(() -> serve(socket));
                } catch (RejectedExecutionException goingDown) {
                    closeQuietly(socket);
                }
            }
        } finally {
            acceptEnded.countDown();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do for a connection we drop
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            String path = lines[0].split(" ")[1];
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            OutputStream out = socket.getOutputStream();
            if ("websocket".equalsIgnoreCase(headers.get("upgrade"))) {
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept(headers.get("sec-websocket-key")) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] text = ("hello from " + name).getBytes(StandardCharsets.UTF_8);
                out.write(new byte[] {(byte) 0x81, (byte) text.length}); // FIN + text, unmasked, short length
                out.write(text);
                out.flush();
                in.read(); // hold the connection until the client closes it
                return;
            }
            byte[] body = (name + " " + path + " " + headers.getOrDefault("x-forwarded-prefix", "-"))
                    .getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException | RuntimeException dropped) {
            // a test client that went away; nothing to answer
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the node down and returns once its port refuses connections. Closing the server socket alone is not
     * that: the listening socket lives until the thread blocked in {@code accept} wakes up, which on a loaded machine
     * took long enough for nginx's next request to be accepted there and then never answered (the test's GET timed
     * out instead of failing over).
     */
    @Override
    public void close() throws IOException {
        down = true;
        server.close();
        try {
            if (!acceptEnded.await(10, TimeUnit.SECONDS)) {
                throw new IOException("node " + name + " still accepts connections 10 s after it was closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.shutdownNow();
        }
    }
}
