package dev.springlit.demo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A test-only page that blocks as a page waiting on a slow query, an HTTP or an LLM call does: it sleeps until the
 * test releases it, for {@link BlockingPagesIT}; at most {@link #GIVE_UP_AFTER}, longer than opening 2,000 tabs takes
 * on a loaded machine (44 s at load 30: with 30 s the first runs gave up before the last tabs were open). Present
 * only where {@code springlit-test.sleep-page=true}.
 */
@StreamlitPage(path = "/test-sleep", title = "Sleep (test)")
@ConditionalOnProperty(name = "springlit-test.sleep-page", havingValue = "true")
class SleepTestPage implements Page {

    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private static final AtomicInteger SLEEPING = new AtomicInteger();
    private static final AtomicInteger ENTERED = new AtomicInteger();
    private static final AtomicInteger GAVE_UP = new AtomicInteger();
    private static volatile CountDownLatch release = new CountDownLatch(1);

    /** Runs blocked in the page now. */
    static int sleeping() {
        return SLEEPING.get();
    }

    /** Runs that reached the page since the last {@link #reset()}. */
    static int entered() {
        return ENTERED.get();
    }

    /** Runs that stopped waiting by themselves ({@link #GIVE_UP_AFTER}) since the last {@link #reset()}. */
    static int gaveUp() {
        return GAVE_UP.get();
    }

    /** Makes the next runs block again. */
    static void reset() {
        release = new CountDownLatch(1);
        ENTERED.set(0);
        GAVE_UP.set(0);
    }

    /** Lets every blocked run go on. */
    static void release() {
        release.countDown();
    }

    @Override
    public void render(St st) {
        st.text("waiting for a slow service");
        SLEEPING.incrementAndGet();
        ENTERED.incrementAndGet();
        try {
            if (!release.await(GIVE_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS)) {
                GAVE_UP.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            SLEEPING.decrementAndGet();
        }
        st.text("done");
    }
}
