package dev.springlit.web.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of unfinished (fragmented, not yet complete) messages held across all connections, bounded by
 * {@code streamlit.server.max-unfinished-messages-size}. Each connection's own limit is the message size, but
 * only this total keeps thousands of connections that each start a large message and never finish it from
 * filling the heap. Connections that have not said {@code hello} may use only half of the total, so such a
 * crowd cannot keep attached tabs from sending their (fragmented) messages.
 */
final class UnfinishedMessages {

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    UnfinishedMessages(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} from the budget, or nothing and false when they do not fit. */
    boolean reserve(long bytes, boolean attachedTab) {
        long cap = attachedTab ? limit : limit / 2;
        while (true) {
            long now = held.get();
            if (now + bytes > cap) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    /** The bytes held now. */
    long held() {
        return held.get();
    }
}
