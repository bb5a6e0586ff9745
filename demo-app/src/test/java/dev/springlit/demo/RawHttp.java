package dev.springlit.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests Java's HttpClient will not send: a forged {@code Host} (DNS
 * rebinding) or a malformed {@code Origin}. One request per connection; a 101 answer is read up to its headers.
 */
final class RawHttp {

    private RawHttp() {
    }

    record Response(int status, Map<String, String> headers, String body) {
    }

    /** Sends {@code method path} to 127.0.0.1:{@code port} with exactly these headers (Host included). */
    static Response send(int port, String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            if (!headers.containsKey("Connection")) {
                request.append("Connection: close\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    responseHeaders.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim(), (a, b) -> a + "\n" + b);
                }
            }
            String text = status == 101 ? "" : new String(readBody(in, responseHeaders), StandardCharsets.UTF_8);
            return new Response(status, responseHeaders, text);
        }
    }

    /** A GET with {@code Host: host}. */
    static Response get(int port, String host, String path) throws IOException {
        return send(port, "GET", path, Map.of("Host", host), null);
    }

    /** A WebSocket handshake for the stream endpoint with these Host and Origin headers; refusals close. */
    static Response handshake(int port, String host, String origin) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        headers.put("Sec-WebSocket-Version", "13");
        headers.put("Origin", origin);
        return send(port, "GET", "/_springlit/stream", headers, null);
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length));
        }
        if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return in.readAllBytes();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
