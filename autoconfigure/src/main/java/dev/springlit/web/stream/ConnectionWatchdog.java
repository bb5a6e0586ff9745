package dev.springlit.web.stream;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.socket.CloseStatus;

/**
 * Keeps the stream endpoint's open connections in bounds: it counts them per client address (past
 * {@code streamlit.server.max-connections-per-address} a new one is refused), and a thread of its own looks at
 * each of them a few times a second. It closes a connection that has not said {@code hello} within
 * {@code hello-timeout}, one whose fragmented message is not finished within {@code message-completion-timeout},
 * and a tab's connection that has been silent longer than {@code silent-connection-timeout} (it is pinged after
 * a third of that; browsers answer pings by themselves), whose session is then parked as after any disconnect.
 * Its thread only decides, reading each connection's times without taking any lock: the closes and pings
 * themselves, each of which may wait for room in its socket or for the connection's own thread, run on
 * {@link ConnectionClosers}, so hundreds due together are closed together, within the rule's time (one after
 * another on this thread, ~340 due together were closed up to 5 s late at load 13, and each close that had to wait
 * for a connection's lock held up every check behind it).
 * <p>
 * The thread catches everything, an {@link OutOfMemoryError} included, so one failure cannot end the checks for
 * good (a scheduled task that throws is never run again).
 */
final class ConnectionWatchdog implements AutoCloseable {

    private static final Log log = LogFactory.getLog(ConnectionWatchdog.class);
    /** Close codes (RFC 6455): 1001 "going away" and 1013 "try again later" make the client reconnect. */
    private static final CloseStatus SILENT = CloseStatus.GOING_AWAY;

    private final ConnectionLimits limits;
    private final UnfinishedMessages unfinished;
    private final Set<OpenConnection> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final ConnectionClosers closers;

    ConnectionWatchdog(ConnectionLimits limits, UnfinishedMessages unfinished) {
        this.limits = limits;
        this.unfinished = unfinished;
        this.closers = ConnectionClosers.forThisMachine();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "springlit-connections");
            thread.setDaemon(true);
            return thread;
        });
        long shortest = Math.min(limits.helloTimeout().toMillis(), Math.min(limits.messageCompletionTimeout().toMillis(),
                limits.silentConnectionTimeout().toMillis() / 3));
        long periodMs = Math.max(50, Math.min(1_000, shortest / 4));
        timer.scheduleWithFixedDelay(this::sweep, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Registers a new connection, or returns false when its address has as many open as it may. */
    boolean admit(OpenConnection connection) {
        int max = limits.maxConnectionsPerAddress() <= 0 ? Integer.MAX_VALUE : limits.maxConnectionsPerAddress();
        boolean[] admitted = {false};
        perAddress.compute(connection.address, (address, count) -> {
            int held = count == null ? 0 : count;
            if (held >= max) {
                return count;
            }
            admitted[0] = true;
            return held + 1;
        });
        if (admitted[0]) {
            open.add(connection);
        }
        return admitted[0];
    }

    /** Forgets a connection that closed (or is being closed); harmless when called twice. */
    void forget(OpenConnection connection) {
        connection.close(unfinished);
        if (open.remove(connection)) {
            perAddress.computeIfPresent(connection.address, (address, count) -> count <= 1 ? null : count - 1);
        }
    }

    int openCount() {
        return open.size();
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            for (OpenConnection connection : open) {
                try {
                    check(connection, now);
                } catch (RuntimeException e) {
                    log.warn("Checking a WebSocket connection failed; closing it", e);
                    closeNow(connection, CloseStatus.SERVER_ERROR);
                }
            }
        } catch (Throwable e) {
            // even an OutOfMemoryError must not end the checks: the next sweep runs when memory is back
            log.error("Springlit's connection checks failed; they go on at the next sweep", e);
        }
    }

    private void check(OpenConnection connection, long now) {
        if (connection.closing) {
            return; // handed to the closers already
        }
        if (!connection.socket.isOpen()) {
            // closed without the handler being told (it will be, or it was already)
            connection.closing = true;
            closers.run(() -> forget(connection));
            return;
        }
        long helloNanos = limits.helloTimeout().toNanos();
        if (!connection.attached && now - connection.openedAt > helloNanos) {
            closeNow(connection, CloseStatus.SERVICE_OVERLOAD.withReason("No hello within "
                    + limits.helloTimeout().toMillis() + " ms (streamlit.server.hello-timeout)"));
            return;
        }
        long since = connection.unfinishedSince;
        if (since != 0 && now - since > limits.messageCompletionTimeout().toNanos()) {
            closeNow(connection, CloseStatus.SERVICE_OVERLOAD.withReason("A message was not finished within "
                    + limits.messageCompletionTimeout().toMillis() + " ms"));
            return;
        }
        if (connection.attached) {
            long silentNanos = limits.silentConnectionTimeout().toNanos();
            long silence = now - connection.lastHeard;
            if (silence > silentNanos) {
                closeNow(connection, SILENT.withReason("Silent for " + limits.silentConnectionTimeout().toSeconds()
                        + " s (streamlit.server.silent-connection-timeout)"));
            } else if (silence > silentNanos / 3 && now - connection.lastPing > silentNanos / 3) {
                connection.lastPing = now;
                closers.run(connection.connection::ping);
            }
        }
    }

    /**
     * Has the connection closed beside the others due now: first what it holds is freed (it is not looked at again),
     * then it is closed; the handler's close callback follows.
     */
    private void closeNow(OpenConnection connection, CloseStatus status) {
        connection.closing = true;
        closers.run(() -> {
            forget(connection);
            connection.connection.close(status);
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        closers.close();
    }
}
