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

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static <T extends Number> Snapshot<T> snapshot(NumberInputOptions<T> options) {
        return new Snapshot<>(options.min, options.max, options.step, options.format, options.placeholder);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param min what the page set, or the default
     * @param max what the page set, or the default
     * @param step what the page set, or the default
     * @param format what the page set, or the default
     * @param placeholder what the page set, or the default
     * @param <T> the options' type
     */
    public record Snapshot<T extends Number>(T min, T max, T step, String format, String placeholder) {
    }
}
