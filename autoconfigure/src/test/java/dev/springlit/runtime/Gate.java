package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a page run at a point the test chooses: the page calls {@link #pass()} (or {@link #sleep()}), the
 * test waits with {@link #awaitEntered()}, acts, and lets it go with {@link #open()}.
 */
final class Gate {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean wokenByInterrupt;

    /**
     * Called by the page: blocks until the test opens the gate, ignoring thread interrupts (so only the
     * next St/SessionState call can notice an interruption). Returns whether an interrupt arrived meanwhile.
     */
    boolean pass() {
        entered.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                if (released.await(RuntimeHarness.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    // an interrupt that came while await was not parked yet and the gate opened right after it is
                    // not thrown (the latch is taken first): it is still pending here
                    boolean pending = Thread.interrupted();
                    return interrupted || pending;
                }
                throw new IllegalStateException("The test never opened the gate");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /**
     * Called by the page: sleeps (up to the test timeout) until the thread is interrupted, as a page stuck in
     * {@code Thread.sleep} would be. Records whether an interrupt woke it.
     */
    void sleep() {
        entered.countDown();
        try {
            Thread.sleep(RuntimeHarness.TIMEOUT.toMillis() * 3);
        } catch (InterruptedException e) {
            wokenByInterrupt = true;
        }
    }

    boolean wokenByInterrupt() {
        return wokenByInterrupt;
    }

    /** Called by the test: waits until the page has reached the gate. */
    void awaitEntered() {
        try {
            if (!entered.await(RuntimeHarness.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("The page never reached the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean isEntered() {
        return entered.getCount() == 0;
    }

    /** Called by the test: lets the page go on. */
    void open() {
        released.countDown();
    }
}
