package dev.springlit.web.stream;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many threads may be inside a direct write ({@link WebSocketConnection#sendWaiting}) at once, across all tabs.
 * A direct write that finds room in the socket takes microseconds, so a slot is nearly always free; one that finds
 * the socket full (a tab that stopped reading) holds its thread, a run thread or a web thread, up to
 * {@code streamlit.server.send-time-limit}. Without a slot a message goes the asynchronous way, which holds no
 * thread. So tabs that stop reading, however many and from however many addresses, hold at most this many threads
 * at a time, and the run pool, which replaces a blocked thread, is never drained by them.
 *
 * <p>Threading: any thread; lock-free.
 */
final class DirectWrites {

    private final AtomicInteger free;

    /** @param slots threads that may write directly at once (at least 1) */
    DirectWrites(int slots) {
        this.free = new AtomicInteger(Math.max(1, slots));
    }

    /**
     * As many as the run pool starts without asking whether its threads are blocked (two per core, at least four):
     * the threads that keep the cores busy, which is how many direct writes can be under way at once while no
     * socket is full.
     */
    static DirectWrites forThisMachine() {
        return new DirectWrites(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** Takes a slot if one is free; the caller must {@link #end()} after its write. */
    boolean tryStart() {
        while (true) {
            int now = free.get();
            if (now == 0) {
                return false;
            }
            if (free.compareAndSet(now, now - 1)) {
                return true;
            }
        }
    }

    /** Gives back the slot taken by {@link #tryStart()}. */
    void end() {
        free.incrementAndGet();
    }
}
