package dev.springlit.web.stream;

import java.util.concurrent.TimeUnit;

/**
 * {@code streamlit.server.max-messages-per-second} for one connection: a token bucket that refills at the
 * limit and holds a small burst (a quarter of a second's worth, at least 10 messages). It needs no thread and
 * no timer: it refills from the clock when a message arrives.
 * <p>
 * A message past the limit is refused (the first one of each second is answered, later ones are only
 * dropped, so a flood is not echoed). A connection that goes on flooding, sending more than twice the limit
 * within one second (counted in fixed one-second windows), is to be disconnected.
 */
final class InboundRateLimit {

    /** What to do with a message. */
    enum Verdict {
        /** Handle it. */
        ACCEPT,
        /** Drop it and tell the tab it is rate limited (the first refusal of a second). */
        REFUSE_AND_WARN,
        /** Drop it silently. */
        REFUSE,
        /** Drop it and close the connection (once; later messages are {@link #REFUSE}d). */
        DISCONNECT
    }

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final int perSecond;
    private final double burst;
    private double tokens;
    private long refilledAt;
    private long windowStart;
    private int inWindow;
    private boolean warnedInWindow;
    private boolean disconnected;

    /** A bucket allowing {@code perSecond} messages a second; 0 or less turns the limit off. */
    InboundRateLimit(int perSecond, long now) {
        this.perSecond = perSecond;
        this.burst = Math.max(10, perSecond / 4.0);
        this.tokens = burst;
        this.refilledAt = now;
        this.windowStart = now;
    }

    /** The verdict for a message arriving at {@code now} ({@link System#nanoTime()}). */
    synchronized Verdict take(long now) {
        if (perSecond <= 0) {
            return Verdict.ACCEPT;
        }
        if (disconnected) {
            return Verdict.REFUSE;
        }
        if (now - windowStart >= SECOND) {
            windowStart = now;
            inWindow = 0;
            warnedInWindow = false;
        }
        if (++inWindow > 2L * perSecond) {
            disconnected = true;
            return Verdict.DISCONNECT;
        }
        long elapsed = Math.max(0, now - refilledAt);
        refilledAt = now;
        tokens = Math.min(burst, tokens + (double) elapsed * perSecond / SECOND);
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ACCEPT;
        }
        if (warnedInWindow) {
            return Verdict.REFUSE;
        }
        warnedInWindow = true;
        return Verdict.REFUSE_AND_WARN;
    }
}
