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

    public Integer getMaxSelections() {
        return maxSelections;
    }

    public Function<? super T, String> getFormatFunc() {
        return formatFunc;
    }

    public String getPlaceholder() {
        return placeholder;
    }
}
