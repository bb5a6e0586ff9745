package dev.springlit.demo;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A test-only page blocked in a call that swallows interrupts (as some drivers and libraries do) until the test
 * releases it (at most 60 s, so a failed test leaves nothing behind), for {@link FirstRunThreadsIT}: no interrupt,
 * deadline or hand-over gets its thread back before that. Present only where {@code springlit-test.deaf-page=true}.
 */
@StreamlitPage(path = "/test-deaf", title = "Deaf (test)")
@ConditionalOnProperty(name = "springlit-test.deaf-page", havingValue = "true")
class DeafTestPage implements Page {

    private static final long SAFETY_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** The threads blocked in the page now. */
    private static final Set<Thread> BLOCKED = ConcurrentHashMap.newKeySet();
    private static volatile boolean released;

    /** The names of the threads blocked in the page now. */
    static Set<String> blockedThreads() {
        Set<String> names = new TreeSet<>();
        BLOCKED.forEach(thread -> names.add(thread.getName()));
        return names;
    }

    /** Makes the next runs block again. */
    static void reset() {
        released = false;
    }

    /** Lets every blocked run end; the page then renders at once. */
    static void release() {
        released = true;
    }

    @Override
    public void render(St st) {
        st.text("waiting for a service that ignores interrupts");
        BLOCKED.add(Thread.currentThread());
        long start = System.nanoTime();
        try {
            while (!released && System.nanoTime() - start < SAFETY_NANOS) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // an interrupt only ends one park
            }
        } finally {
            BLOCKED.remove(Thread.currentThread());
        }
        Thread.interrupted(); // swallowed, as the library it stands for does
        st.text("released");
    }
}
