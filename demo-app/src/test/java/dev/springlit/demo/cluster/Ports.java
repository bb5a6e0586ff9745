package dev.springlit.demo.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for nodes and load balancers that the kernel never hands out by itself: below the ephemeral
 * range ({@code /proc/sys/net/ipv4/ip_local_port_range}). A node's port inside that range, once the node is down,
 * can become another socket's source port, and a connection to it from that very port connects to itself (TCP
 * simultaneous open): nginx would then wait on its own request instead of failing over.
 */
final class Ports {

    private static final int SPAN = 12_000;

    private Ports() {
    }

    /** A listening socket on 127.0.0.1 at a free port below the ephemeral range. */
    static ServerSocket bindOutsideEphemeralRange() throws IOException {
        int low = ephemeralLow();
        int from = Math.max(1024, low - SPAN);
        if (low - from < 1000) {
            throw new IOException("the ephemeral port range starts at " + low + ", leaving no room below it");
        }
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(from, low);
            try {
                return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new IOException("no free port between " + from + " and " + low, last);
    }

    /** A port below the ephemeral range that was free a moment ago, for another process to listen on. */
    static int freeOutsideEphemeralRange() throws IOException {
        try (ServerSocket socket = bindOutsideEphemeralRange()) {
            return socket.getLocalPort();
        }
    }

    private static int ephemeralLow() {
        try {
            // read as a stream: procfs reports a size of 0, which Files.readString on JDK 17 trusts
            try (java.io.InputStream in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                String range = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
                return Integer.parseInt(range.split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException unknown) {
            return 32768; // Linux's default
        }
    }
}
