package dev.springlit.web.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The host names the server answers to, the defence against DNS rebinding: a site whose name an attacker
 * re-points to 127.0.0.1 is same-origin with itself, so Origin checks pass, but its requests still carry the
 * attacker's name in {@code Host}. Entries are names ({@code app.example.com}), suffix patterns
 * ({@code *.example.com}, subdomains only), IP literals ({@code 10.0.0.5}, {@code [::1]}) or {@code *}; ports are
 * ignored. With no entries, a server listening only on loopback answers only to loopback names (as Jupyter does)
 * and any other server to every name.
 */
final class AllowedHosts {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9._-]+|\\[[0-9a-f:.]+\\]");

    private final List<String> entries;
    private final boolean loopbackOnly;
    private final boolean any;

    private AllowedHosts(List<String> entries, boolean loopbackOnly) {
        this.entries = entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).map(AllowedHosts::withoutPort)
                .filter(e -> !e.isEmpty()).toList();
        this.loopbackOnly = this.entries.isEmpty() && loopbackOnly;
        this.any = this.entries.contains("*") || (this.entries.isEmpty() && !loopbackOnly);
    }

    /** The configured names, or the default for a server that does or does not listen only on loopback. */
    static AllowedHosts of(List<String> configured, boolean listensOnLoopbackOnly) {
        return new AllowedHosts(configured == null ? List.of() : configured, listensOnLoopbackOnly);
    }

    /** Whether a request with this {@code Host} header is answered; a request without one is. */
    boolean allows(String hostHeader) {
        if (any || hostHeader == null) {
            return true;
        }
        String host = withoutPort(hostHeader.strip().toLowerCase(Locale.ROOT));
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!HOST_NAME.matcher(host).matches()) {
            return false;
        }
        if (loopbackOnly) {
            return isLoopbackName(host);
        }
        for (String entry : entries) {
            if (entry.startsWith("*.") ? host.endsWith(entry.substring(1)) : host.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    /** What is allowed, for the log. */
    String describe() {
        return any ? "any host" : loopbackOnly ? "loopback names only (localhost, *.localhost, 127.0.0.1, [::1])"
                : String.join(", ", entries);
    }

    static boolean isLoopbackName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
                || IPV4_LOOPBACK.matcher(host).matches();
    }

    /** {@code example.com:8080} and {@code [::1]:8080} without their port. */
    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
