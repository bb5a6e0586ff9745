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

    public Duration getStep() {
        return step;
    }
}
