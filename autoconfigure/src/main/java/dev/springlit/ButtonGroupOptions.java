package dev.springlit;

import java.util.List;
import java.util.function.Function;

/**
 * Options of {@code st.pills} and {@code st.segmentedControl} (Streamlit's {@code st.pills} and
 * {@code st.segmented_control}) and their {@code ...Multiple} forms: the option chosen at first (or the options,
 * when several may be chosen) and how options are shown.
 *
 * <pre>{@code
 * String tool = st.pills("Tool", List.of("Add", "Zoom in", "Zoom out"), o -> o.value("Add"));
 * List<String> directions = st.pillsMultiple("Directions", List.of("North", "East", "South", "West"),
 *         o -> o.values(List.of("North", "West")));
 * }</pre>
 *
 * @param <T> the options' type
 */
public final class ButtonGroupOptions<T> extends ValueWidgetOptions<ButtonGroupOptions<T>, T> {

    private Function<? super T, String> formatFunc = String::valueOf;
    private List<T> values;

    /** How an option is shown; {@code String.valueOf} by default. */
    public ButtonGroupOptions<T> formatFunc(Function<? super T, String> formatFunc) {
        this.formatFunc = formatFunc;
        return this;
    }

    /** The options chosen at first when several may be chosen (none by default; {@link #value} chooses one). */
    public ButtonGroupOptions<T> values(List<T> values) {
        this.values = values == null ? null : List.copyOf(values);
        return this;
    }

    /** What the runtime reads of these options; kept off the options themselves so pages see only the setters. */
    public static <T> Snapshot<T> snapshot(ButtonGroupOptions<T> options) {
        return new Snapshot<>(options.formatFunc, options.values);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param formatFunc how an option is shown
     * @param values     the options chosen at first when several may be, or null when not given
     * @param <T>        the options' type
     */
    public record Snapshot<T>(Function<? super T, String> formatFunc, List<T> values) {
    }
}
