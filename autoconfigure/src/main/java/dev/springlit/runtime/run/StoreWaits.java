package dev.springlit.runtime.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Run threads waiting for the session store (a commit: one round trip, cut off by the store's command timeout).
 * The run pool counts such a thread as working, not blocked: a replacement would only put one more commit in line
 * for the same store. Counted as blocked, under load every commit that waited two looks got a new thread, the pool
 * grew to hundreds of threads, and their commits timed out behind each other while Lettuce's event loop starved
 * (issue 14: {@code store_unavailable} after 2 s timeouts in the store benchmark).
 *
 * <p>Threading: any thread enters and leaves; the pool's watch thread reads.
 */
public final class StoreWaits {

    private static final Set<Thread> WAITING = ConcurrentHashMap.newKeySet();

    private StoreWaits() {
    }

    /** Runs {@code call} (store I/O) on this thread, which the run pool meanwhile counts as working. */
    public static <T> T during(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        if (!WAITING.add(thread)) {
            return call.get(); // nested: the outer call keeps the mark
        }
        try {
            return call.get();
        } finally {
            WAITING.remove(thread);
        }
    }

    static boolean isWaiting(Thread thread) {
        return WAITING.contains(thread);
    }
}
