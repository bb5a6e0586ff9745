package dev.springlit.runtime.session;

/**
 * When a session whose tab went away ends, and whose it counts as meanwhile: the client address that created it
 * ({@code streamlit.server.max-sessions-per-address}), whether its tab did anything after its first run, and since
 * when no tab is attached. An untouched parked session lives only {@code streamlit.server.untouched-session-ttl},
 * so a flood of hellos cannot hold the server's sessions for the whole disconnected-session TTL.
 * <p>
 * Threading: the tab's threads touch it, the housekeeping thread reads it; both fields are volatile.
 */
final class Parking {

    private final TabLink tab;
    /** The client address that created the session; null when it is not counted per address. */
    private volatile String clientAddress;
    /** Whether the tab did anything after its first run (an interaction, a navigation, a reconnect). */
    private volatile boolean touched;

    Parking(TabLink tab) {
        this.tab = tab;
    }

    String clientAddress() {
        return clientAddress;
    }

    void setClientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** The tab did something after the first run (or the session arrived with a past): it is a real one. */
    void touch() {
        touched = true;
    }

    /**
     * Whether, at {@code now} (System.nanoTime), no tab has been attached for longer than the session may wait:
     * {@code ttlNanos} once touched, else {@code untouchedNanos}.
     */
    boolean isOverdue(long now, long ttlNanos, long untouchedNanos) {
        long parkedSince = tab.parkedSince();
        return parkedSince >= 0 && now - parkedSince >= (touched ? ttlNanos : untouchedNanos);
    }
}
