package dev.springlit.runtime.upload;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number of bytes shared by every session (uploads in memory, uploads on disk): reserved before the bytes
 * are stored, released when they are dropped. Lock-free, so concurrent uploads never wait on each other.
 */
final class ByteBudget {

    private final long max;
    private final AtomicLong used = new AtomicLong();

    ByteBudget(long max) {
        this.max = max;
    }

    /** Reserves {@code bytes} if they fit; false (and nothing reserved) if they do not. */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > max) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }

    long max() {
        return max;
    }
}
