package dev.springlit.demo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A test-only page that blocks as a page waiting on a slow query, an HTTP or an LLM call does: it sleeps until the
 * test releases it (at most 30 s), for {@link BlockingPagesIT}. Present only where
 * {@code springlit-test.sleep-page=true}.
 */
@StreamlitPage(path = "/test-sleep", title = "Sleep (test)")
@ConditionalOnProperty(name = "springlit-test.sleep-page", havingValue = "true")
class SleepTestPage implements Page {

    private static final AtomicInteger SLEEPING = new AtomicInteger();
    private static volatile CountDownLatch release = new CountDownLatch(1);

    /** Runs blocked in the page now. */
    static int sleeping() {
        return SLEEPING.get();
    }

    /** Makes the next runs block again. */
    static void reset() {
        release = new CountDownLatch(1);
    }

    /** Lets every blocked run go on. */
    static void release() {
        release.countDown();
    }

    @Override
    public void render(St st) {
        st.text("waiting for a slow service");
        SLEEPING.incrementAndGet();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            SLEEPING.decrementAndGet();
        }
        st.text("done");
    }
}
