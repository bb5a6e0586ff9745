package dev.springlit;

import java.util.List;
import java.util.function.Function;

/**
 * Options of {@code st.multiselect}: {@code o -> o.value(List.of("North")).maxSelections(3)}.
 *
 * @param <T> the options' type
 */
public final class MultiselectOptions<T> extends ValueWidgetOptions<MultiselectOptions<T>, List<T>> {

    private Integer maxSelections;
    private Function<? super T, String> formatFunc = String::valueOf;
    private String placeholder = "Choose options";

    /** The most options the user may choose. */
    public MultiselectOptions<T> maxSelections(int maxSelections) {
        this.maxSelections = maxSelections;
        return this;
    }

    /** How an option is shown. */
    public MultiselectOptions<T> formatFunc(Function<? super T, String> formatFunc) {
        this.formatFunc = formatFunc;
        return this;
    }

    /** The text shown with nothing chosen. */
    public MultiselectOptions<T> placeholder(String placeholder) {
        this.placeholder = placeholder;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static <T> Snapshot<T> snapshot(MultiselectOptions<T> options) {
        return new Snapshot<>(options.maxSelections, options.formatFunc, options.placeholder);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param maxSelections what the page set, or the default
     * @param formatFunc what the page set, or the default
     * @param placeholder what the page set, or the default
     * @param <T> the options' type
     */
    public record Snapshot<T>(Integer maxSelections, Function<? super T, String> formatFunc, String placeholder) {
    }
}
