package dev.springlit.runtime.session;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import dev.springlit.support.LogText;

/**
 * The WARN lines about one connection's refused messages: at most one a second, each saying how many refusals
 * went unlogged since the previous line. A client sending bad messages as fast as it can must not be able to
 * flood the log (nor fill the disk), yet every refusal is still counted (the metrics count each one too).
 */
public final class RefusalWarnings {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Consumer<String> sink;
    private final LongSupplier clock;
    private long lastLineAt;
    private boolean logged;
    private int suppressed;

    /** Warnings to {@code log}, timed by {@link System#nanoTime()}. */
    public RefusalWarnings(Log log) {
        this(log::warn, System::nanoTime);
    }

    RefusalWarnings(Consumer<String> sink, LongSupplier clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Logs {@code line} (already safe to log: see {@link LogText}) unless a line was logged less than a second
     * ago, in which case it is only counted.
     */
    public void warn(String line) {
        String text;
        synchronized (this) {
            long now = clock.getAsLong();
            if (logged && now - lastLineAt < SECOND) {
                suppressed++;
                return;
            }
            text = suppressed == 0 ? line : line + " (and " + suppressed + " more refusals not logged since the "
                    + "previous line)";
            logged = true;
            lastLineAt = now;
            suppressed = 0;
        }
        sink.accept(text);
    }
}
