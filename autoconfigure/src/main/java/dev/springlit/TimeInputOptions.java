package dev.springlit;

import java.time.Duration;
import java.time.LocalTime;

/** Options of {@code st.timeInput}: {@code o -> o.step(Duration.ofMinutes(15))}; starts at the current minute. */
public final class TimeInputOptions extends ValueWidgetOptions<TimeInputOptions, LocalTime> {

    private Duration step = Duration.ofMinutes(15);

    /** The distance between selectable times (15 minutes by default, as in Streamlit). */
    public TimeInputOptions step(Duration step) {
        this.step = step;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(TimeInputOptions options) {
        return new Snapshot(options.step);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param step what the page set, or the default
     */
    public record Snapshot(Duration step) {
    }
}
