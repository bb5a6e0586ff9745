package dev.springlit;

import java.io.Serializable;
import java.util.Objects;

/**
 * A range from {@code low} to {@code high}, both included: the value of a range slider.
 *
 * <pre>{@code
 * Range<Integer> price = st.rangeSlider("Price", 0, 100, o -> o.value(Range.of(20, 80)));
 * }</pre>
 *
 * @param low  the lower end
 * @param high the upper end, not below {@code low}
 * @param <T>  the value type
 */
public record Range<T extends Comparable<T>>(T low, T high) implements Serializable {

    public Range {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("A range's low end " + low + " is above its high end " + high);
        }
    }

    /** The range from {@code low} to {@code high}. */
    public static <T extends Comparable<T>> Range<T> of(T low, T high) {
        return new Range<>(low, high);
    }
}
