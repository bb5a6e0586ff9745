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

    public LocalDate getMin() {
        return min;
    }

    public LocalDate getMax() {
        return max;
    }
}
