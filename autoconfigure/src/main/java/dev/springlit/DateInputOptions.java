package dev.springlit;

import java.time.LocalDate;

/** Options of {@code st.dateInput}: {@code o -> o.value(LocalDate.of(2026, 1, 1)).min(...)}; starts at today. */
public final class DateInputOptions extends ValueWidgetOptions<DateInputOptions, LocalDate> {

    private LocalDate min;
    private LocalDate max;

    public DateInputOptions min(LocalDate min) {
        this.min = min;
        return this;
    }

    public DateInputOptions max(LocalDate max) {
        this.max = max;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(DateInputOptions options) {
        return new Snapshot(options.min, options.max);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param min what the page set, or the default
     * @param max what the page set, or the default
     */
    public record Snapshot(LocalDate min, LocalDate max) {
    }
}
