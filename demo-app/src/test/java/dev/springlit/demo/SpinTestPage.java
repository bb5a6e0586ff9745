package dev.springlit.demo;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A test-only page stuck in a CPU loop that never calls {@code St} or {@code SessionState} and ignores interrupts,
 * until the test releases it (at most 60 s, so a failed test never leaves a core spinning), for
 * {@link BlockingPagesIT} and {@link RunawayRunsIT}. Present only where {@code springlit-test.spin-page=true}.
 */
@StreamlitPage(path = "/test-spin", title = "Spin (test)")
@ConditionalOnProperty(name = "springlit-test.spin-page", havingValue = "true")
class SpinTestPage implements Page {

    private static final long SAFETY_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final AtomicInteger SPINNING = new AtomicInteger();
    private static volatile boolean released;

    /** Runs spinning in the page now. */
    static int spinning() {
        return SPINNING.get();
    }

    /** Makes the next runs spin again. */
    static void reset() {
        released = false;
    }

    /** Lets every spinning run end; the page then renders at once. */
    static void release() {
        released = true;
    }

    @Override
    public void render(St st) {
        st.text("spinning");
        SPINNING.incrementAndGet();
        long start = System.nanoTime();
        try {
            long spins = 0;
            while (!released && System.nanoTime() - start < SAFETY_NANOS) {
                spins++; // deliberately no St call, no interrupt check
            }
            st.text("released after " + spins + " spins");
        } finally {
            SPINNING.decrementAndGet();
        }
    }
}
