package dev.springlit.demo.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new tab over one plain socket, so that the first render measures the server and not a client library: one
 * HTTP/1.1 {@code GET} of the page, then the WebSocket upgrade on the same connection (the
 * {@code Sec-WebSocket-Accept} checked as RFC 6455 says), {@code hello} as a masked text frame, and frames read
 * until the delta that ends the first run. When the shell carries a server-rendered first run (its adoption token),
 * the hello adopts it and the run's end is the server's acknowledgement. Blocking I/O on the calling thread: the
 * phase opens one tab after another.
 */
final class RawTab implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Pattern ADOPT = Pattern.compile("<meta name=\"springlit-adopt\" content=\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** When the GET's body was read and when the upgrade's 101 was (System.nanoTime). */
    private long gotPage;
    private long opened;
    private boolean adopted;

    private RawTab(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16_384);
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a tab of {@code page} and returns once its first run ended; {@code steps} gets the GET, the handshake
     * and hello → first run ended (ns). Throws when the page, the handshake or the run is not what a browser needs:
     * a 200 shell, a 101 with the right accept key, a run ending {@code ok} that shows {@code expected}.
     */
    static RawTab open(int port, String page, String expected, long[] steps) throws IOException {
        long t0 = System.nanoTime();
        Socket socket = new Socket();
        RawTab tab = null;
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            tab = new RawTab(socket);
            String shell = tab.get(port, page);
            tab.upgrade(port);
            String firstRun = tab.hello(page, shell);
            long end = System.nanoTime();
            if (!shell.contains(expected) && !firstRun.contains(expected)) {
                throw new IllegalStateException("the first render of " + page + " does not show " + expected);
            }
            steps[0] = tab.gotPage - t0;
            steps[1] = tab.opened - tab.gotPage;
            steps[2] = end - tab.opened;
            return tab;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Whether the hello adopted a server-rendered first run (the server answered without a tree). */
    boolean adopted() {
        return adopted;
    }

    /** Keeps the connection from counting as silent: an unsolicited pong (RFC 6455 allows it), and drops input. */
    void keepAlive() throws IOException {
        frame(0x8A, new byte[0]);
        while (in.available() > 0) {
            in.skip(in.available());
        }
    }

    private String get(int port, String page) throws IOException {
        out.write(("GET " + page + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/html\r\n"
                + "Accept-Encoding: identity\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = head();
        if (!head.startsWith("HTTP/1.1 200")) {
            throw new IllegalStateException("GET " + page + " answered " + head.lines().findFirst().orElse(""));
        }
        String lower = head.toLowerCase(Locale.ROOT);
        byte[] body;
        Matcher length = Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(lower);
        if (length.find()) {
            body = in.readNBytes(Integer.parseInt(length.group(1)));
        } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
            body = chunked();
        } else {
            throw new IllegalStateException("GET " + page + " answered neither a length nor chunks: " + head);
        }
        gotPage = System.nanoTime();
        String shell = new String(body, StandardCharsets.UTF_8);
        if (!shell.contains("_springlit")) {
            throw new IllegalStateException("GET " + page + " answered something else than the shell");
        }
        return shell;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        while (true) {
            String size = line();
            int n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line();
        }
    }

    private void upgrade(int port) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        out.write(("GET /_springlit/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: http://127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = head();
        opened = System.nanoTime();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IllegalStateException("the upgrade answered " + head.lines().findFirst().orElse(""));
        }
        if (!head.toLowerCase(Locale.ROOT).contains("\r\nsec-websocket-accept: " + accept(key).toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("the upgrade's Sec-WebSocket-Accept is not the one for its key " + key + ": "
                    + head.replace("\r\n", " | "));
        }
    }

    private String hello(String page, String shell) throws IOException {
        Matcher token = ADOPT.matcher(shell);
        adopted = token.find();
        String hello = "{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"" + page
                + "\",\"query\":\"\",\"reclaim\":false" + (adopted ? ",\"adopt\":\"" + token.group(1) + "\"" : "") + "}";
        frame(0x81, hello.getBytes(StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        while (true) {
            String message = message();
            seen.append(message).append('\n');
            if (message.startsWith("{\"type\":\"error\"") || message.startsWith("{\"type\":\"busy\"")) {
                throw new IllegalStateException("the server answered the hello with " + message);
            }
            if (adopted && message.startsWith("{\"type\":\"session\"")) {
                if (message.contains("\"reset\":false")) {
                    return seen.toString(); // the server kept the run the shell showed: it has ended for this tab
                }
                adopted = false; // not adopted after all: the tree and the run's end follow
            }
            if (message.startsWith("{\"type\":\"delta\"")) {
                Matcher status = STATUS.matcher(message);
                if (status.find()) {
                    if (!"ok".equals(status.group(1))) {
                        throw new IllegalStateException("the first run ended " + status.group(1));
                    }
                    return seen.toString();
                }
            }
        }
    }

    /** One whole text message (continuation frames joined); pings answered, close frames are an error. */
    private String message() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(1024);
        while (true) {
            int first = in.read();
            if (first < 0) {
                throw new EOFException("the server closed the connection before the first run ended");
            }
            int second = in.read();
            long length = second & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) length);
            int opcode = first & 0x0f;
            if (opcode == 0x8) {
                throw new EOFException("the server closed the connection: " + new String(payload, StandardCharsets.UTF_8));
            } else if (opcode == 0x9) {
                frame(0x8A, payload);
            } else if (opcode == 0x1 || opcode == 0x0) {
                text.write(payload);
                if ((first & 0x80) != 0) {
                    return text.toString(StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** A masked client frame (RFC 6455 §5.3) with a fresh mask. */
    private void frame(int first, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        int header = payload.length < 126 ? 2 : 4;
        byte[] frame = new byte[header + 4 + payload.length];
        frame[0] = (byte) first;
        if (payload.length < 126) {
            frame[1] = (byte) (0x80 | payload.length);
        } else if (payload.length <= 0xffff) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >> 8);
            frame[3] = (byte) payload.length;
        } else {
            throw new IllegalArgumentException("a hello is far smaller than 64 KB");
        }
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        out.write(frame);
        out.flush();
    }

    private String head() throws IOException {
        StringBuilder head = new StringBuilder(512);
        String line;
        while (!(line = line()).isEmpty()) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the server closed the connection in an HTTP head: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
