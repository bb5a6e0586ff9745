package dev.springlit.runtime.run;

import java.time.Duration;

/**
 * What calls a fragment's runEvery timer (S10.2). The engine's default is one daemon thread; the page tester
 * supplies one whose time only moves when the test advances it, so timed fragments are tested without sleeping.
 * <pre>{@code
 * RuntimeSettings settings = RuntimeSettings.builder().fragmentScheduler(myScheduler).build();
 * }</pre>
 * Implementations must be thread-safe: sessions schedule and cancel from run threads.
 */
public interface FragmentScheduler {

    /** Calls {@code tick} every {@code period}, first after one period, until the returned timer is cancelled. */
    Timer every(Duration period, Runnable tick);

    /** One scheduled timer. */
    interface Timer {

        /** Stops the timer; a tick already running finishes. */
        void cancel();
    }
}
