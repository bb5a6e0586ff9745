package dev.springlit.autoconfigure;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This instance's name in the session store's ownership records ({@code streamlit.session.node-id}): the host name
 * and a random suffix by default, so two instances on one host, or a restarted one, are never the same owner.
 */
final class NodeId {

    private NodeId() {
    }

    static String of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        return host.replaceAll("[^A-Za-z0-9._-]", "") + "-" + HexFormat.of().formatHex(suffix);
    }
}
