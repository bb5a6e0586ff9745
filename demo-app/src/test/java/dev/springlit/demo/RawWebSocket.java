package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * A bare WebSocket client over a plain socket (RFC 6455 by hand), to send frames no WebSocket library would:
 * broken ones, or a fragment that is never finished. It may connect from another loopback address
 * ({@code 127.0.0.2}: Linux accepts any 127/8 source), to play a second client machine.
 */
final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** Opens the stream endpoint from the default local address. */
    RawWebSocket(int port) throws IOException {
        this(port, null);
    }

    /** Opens the stream endpoint from {@code localAddress} (null: the default). */
    RawWebSocket(int port, InetAddress localAddress) throws IOException {
        this(port, localAddress, 0);
    }

    /**
     * Opens the stream endpoint with a receive buffer of {@code receiveBuffer} bytes (0: the system's, which grows
     * as the client reads): a client that stops reading then fills the server's socket after a few kilobytes.
     */
    RawWebSocket(int port, InetAddress localAddress, int receiveBuffer) throws IOException {
        this(port, localAddress, receiveBuffer, "");
    }

    /** As above, the handshake sending {@code extraHeaders} too (header lines, each ending in CRLF). */
    RawWebSocket(int port, InetAddress localAddress, int receiveBuffer, String extraHeaders) throws IOException {
        socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer); // before connecting: it sets the window offered
            }
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            socket.setSoTimeout(30_000); // hundreds of handshakes at once may take a while
            in = socket.getInputStream();
            out = socket.getOutputStream();
            byte[] key = new byte[16];
            new Random().nextBytes(key);
            out.write(("GET /_springlit/stream HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\nOrigin: http://localhost:" + port + "\r\n" + extraHeaders + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("handshake cut short: " + head);
                }
                head.write(b);
            }
            assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
            socket.setSoTimeout(5_000);
        } catch (IOException | RuntimeException | AssertionError e) {
            socket.close();
            throw e;
        }
    }

    /** How long reads wait before a {@link java.net.SocketTimeoutException}. */
    void readTimeout(int millis) throws SocketException {
        socket.setSoTimeout(millis);
    }

    /** Writes one frame: first byte (FIN, RSV, opcode), masked unless told not to. */
    void frame(int first, byte[] payload, boolean masked) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(first);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(maskBit | payload.length);
        } else if (payload.length <= 0xffff) {
            frame.write(maskBit | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(maskBit | 127);
            frame.write(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        byte[] mask = {0x12, 0x34, 0x56, 0x78};
        if (masked) {
            frame.write(mask);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    void bytes(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Reads the server's frames until a text frame containing {@code text}. */
    void awaitText(String text) throws IOException {
        awaitTextOf(text);
    }

    /** Reads the server's frames until a text frame containing one of {@code texts}; returns that frame's text. */
    String awaitTextOf(String... texts) throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                throw new EOFException("the server closed the connection before sending " + String.join(" or ", texts));
            }
            byte[] payload = payload();
            if ((first & 0x0f) == 0x8) {
                throw new ClosedByServer(closeCode(payload), texts);
            }
            if ((first & 0x0f) == 0x1) {
                String frame = new String(payload, StandardCharsets.UTF_8);
                for (String text : texts) {
                    if (frame.contains(text)) {
                        return frame;
                    }
                }
            }
        }
    }

    /**
     * Reads the server's messages, joining a text message's continuation frames (Tomcat sends a long message one
     * buffer-sized frame at a time), until one contains {@code text}; returns that message.
     */
    String awaitMessageWith(String text) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first = in.read();
            if (first < 0) {
                throw new EOFException("the server closed the connection before sending " + text);
            }
            byte[] payload = payload();
            int opcode = first & 0x0f;
            if (opcode == 0x8) {
                throw new ClosedByServer(closeCode(payload), new String[] {text});
            }
            if (opcode == 0x1 || opcode == 0x0) {
                message.write(payload);
                if ((first & 0x80) != 0) {
                    String whole = message.toString(StandardCharsets.UTF_8);
                    if (whole.contains(text)) {
                        return whole;
                    }
                    message.reset();
                }
            }
        }
    }

    private byte[] payload() throws IOException {
        int second = in.read();
        long length = second & 0x7f;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = ByteBuffer.wrap(in.readNBytes(8)).getLong();
        }
        return in.readNBytes((int) length);
    }

    /** Reads frames until the server's close frame; its status code, then the connection must end. */
    int awaitClose() throws IOException {
        int code = awaitCloseFrame();
        try {
            assertThat(in.read()).as("the connection ends after the close frame").isEqualTo(-1);
        } catch (SocketException reset) {
            // also an end
        }
        return code;
    }

    /** Reads frames until the server's close frame and returns its status code (the socket may stay open). */
    int awaitCloseFrame() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                throw new EOFException("the server dropped the connection without a close frame");
            }
            byte[] payload = payload();
            if ((first & 0x0f) == 0x8) {
                return closeCode(payload);
            }
        }
    }

    /**
     * Sends a ping and reads the server's frames until its pong ("pong") or its close frame ("close CODE REASON"):
     * the server answers a ping after it has taken every frame sent before it. "dropped" when it reset the
     * connection before its close frame could be read.
     */
    String pingOrClose() throws IOException {
        try {
            frame(0x89, new byte[0], true);
        } catch (SocketException closedAlready) {
            // its close frame, if any, says why
        }
        while (true) {
            int first;
            try {
                first = in.read();
            } catch (SocketException reset) {
                return "dropped";
            }
            if (first < 0) {
                throw new EOFException("the server dropped the connection without a close frame");
            }
            byte[] payload = payload();
            if ((first & 0x0f) == 0xA) {
                return "pong";
            }
            if ((first & 0x0f) == 0x8) {
                String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                        : "";
                return "close " + closeCode(payload) + " " + reason;
            }
        }
    }

    /** Reads until the server ends the TCP connection; true if it did within the read timeout. */
    boolean awaitEnd() throws IOException {
        try {
            while (in.read() >= 0) {
                // skip
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        }
    }

    private static int closeCode(byte[] payload) {
        return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }

    /** The server's close frame arrived where a text frame was awaited. */
    static final class ClosedByServer extends IOException {
        final int code;

        ClosedByServer(int code, String... awaited) {
            super("the server closed the connection with " + code + " before sending " + String.join(" or ", awaited));
            this.code = code;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
