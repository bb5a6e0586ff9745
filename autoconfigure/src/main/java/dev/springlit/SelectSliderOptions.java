package dev.springlit;

import java.util.function.Function;

/**
 * Options of {@code st.selectSlider} and {@code st.selectRangeSlider}: the option it starts at (or the two ends
 * of a range) and how options are shown.
 *
 * <pre>{@code
 * String size = st.selectSlider("Size", List.of("S", "M", "L", "XL"), o -> o.value("M"));
 * List<String> span = st.selectRangeSlider("Span", List.of("S", "M", "L", "XL"), o -> o.range("M", "XL"));
 * }</pre>
 *
 * @param <T> the options' type
 */
public final class SelectSliderOptions<T> extends ValueWidgetOptions<SelectSliderOptions<T>, T> {

    private Function<? super T, String> formatFunc = String::valueOf;
    private T rangeStart;
    private T rangeEnd;

    /** How an option is shown; {@code String.valueOf} by default. */
    public SelectSliderOptions<T> formatFunc(Function<? super T, String> formatFunc) {
        this.formatFunc = formatFunc;
        return this;
    }

    /** The two ends a range slider starts with (the first and last options by default). */
    public SelectSliderOptions<T> range(T start, T end) {
        this.rangeStart = start;
        this.rangeEnd = end;
        return this;
    }

    // Read by the runtime, which lives in another package; not meant for pages.
    Function<? super T, String> formatFunc() {
        return formatFunc;
    }

    T rangeStart() {
        return rangeStart;
    }

    T rangeEnd() {
        return rangeEnd;
    }

    /** What the runtime reads of these options: kept package-private above so pages see only the setters. */
    public static <T> Snapshot<T> snapshot(SelectSliderOptions<T> options) {
        return new Snapshot<>(options.formatFunc(), options.rangeStart(), options.rangeEnd());
    }

    /**
     * The options as the runtime reads them.
     *
     * @param formatFunc how an option is shown
     * @param rangeStart the start a range slider starts with, or null for the first option
     * @param rangeEnd   the end a range slider starts with, or null for the last option
     * @param <T>        the options' type
     */
    public record Snapshot<T>(Function<? super T, String> formatFunc, T rangeStart, T rangeEnd) {
    }
}
