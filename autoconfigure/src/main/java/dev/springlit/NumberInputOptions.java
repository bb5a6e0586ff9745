package dev.springlit;

/**
 * Options of {@code st.numberInput}: {@code o -> o.step(1).min(0).key("increment_value")}. A {@code null}
 * value leaves the input empty; the widget then returns {@code null}.
 *
 * @param <T> {@code Integer}, {@code Long} or {@code Double}
 */
public final class NumberInputOptions<T extends Number> extends ValueWidgetOptions<NumberInputOptions<T>, T> {

    private T min;
    private T max;
    private T step;
    private String format;
    private String placeholder;

    /** The smallest value the user may enter. */
    public NumberInputOptions<T> min(T min) {
        this.min = min;
        return this;
    }

    /** The largest value the user may enter. */
    public NumberInputOptions<T> max(T max) {
        this.max = max;
        return this;
    }

    /** How much the −/+ buttons change the value (1 for whole numbers, 0.01 otherwise). */
    public NumberInputOptions<T> step(T step) {
        this.step = step;
        return this;
    }

    /** A printf-style format for the shown value, such as {@code "%.2f"}. */
    public NumberInputOptions<T> format(String format) {
        this.format = format;
        return this;
    }

    /** Text shown while the input is empty. */
    public NumberInputOptions<T> placeholder(String placeholder) {
        this.placeholder = placeholder;
        return this;
    }

    public T getMin() {
        return min;
    }

    public T getMax() {
        return max;
    }

    public T getStep() {
        return step;
    }

    public String getFormat() {
        return format;
    }

    public String getPlaceholder() {
        return placeholder;
    }
}
