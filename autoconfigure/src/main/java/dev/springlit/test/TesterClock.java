package dev.springlit.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.springlit.runtime.run.FragmentScheduler;

/**
 * The page tester's {@link FragmentScheduler}: its time moves only when the test calls
 * {@link PageTester#advance(Duration)}, which fires every runEvery timer that falls due, in time order, on the test
 * thread. Timers are added and cancelled from run threads, so its list is guarded; ticks run outside the lock.
 */
final class TesterClock implements FragmentScheduler {

    private static final class Scheduled implements Timer {
        final long periodNanos;
        final Runnable tick;
        long nextNanos;
        volatile boolean cancelled;

        Scheduled(long periodNanos, long nextNanos, Runnable tick) {
            this.periodNanos = periodNanos;
            this.nextNanos = nextNanos;
            this.tick = tick;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final List<Scheduled> timers = new ArrayList<>();
    private long nowNanos;

    @Override
    public synchronized Timer every(Duration period, Runnable tick) {
        Scheduled timer = new Scheduled(period.toNanos(), nowNanos + period.toNanos(), tick);
        timers.add(timer);
        return timer;
    }

    /** Moves time on by {@code duration}, firing each timer as often as it falls due meanwhile, then {@code after}. */
    void advance(Duration duration, Runnable afterTick) {
        long until;
        synchronized (this) {
            until = nowNanos + duration.toNanos();
        }
        while (true) {
            Scheduled due = null;
            synchronized (this) {
                timers.removeIf(timer -> timer.cancelled);
                for (Scheduled timer : timers) {
                    if (timer.nextNanos <= until && (due == null || timer.nextNanos < due.nextNanos)) {
                        due = timer;
                    }
                }
                if (due == null) {
                    nowNanos = until;
                    return;
                }
                nowNanos = due.nextNanos;
                due.nextNanos += due.periodNanos;
            }
            due.tick.run();
            afterTick.run();
        }
    }

    /** How many timers are running (not cancelled). */
    synchronized int activeTimers() {
        return (int) timers.stream().filter(timer -> !timer.cancelled).count();
    }
}
