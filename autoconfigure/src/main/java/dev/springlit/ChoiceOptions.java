package dev.springlit;

import java.util.function.Function;

/**
 * Options of {@code st.radio} and {@code st.selectbox}: which option is chosen at first ({@code index}, or
 * {@code null} for none) and how options are shown.
 *
 * <pre>{@code
 * Color c = st.selectbox("Colour", List.of(Color.values()), o -> o.formatFunc(Color::label).index(null));
 * }</pre>
 *
 * @param <T> the options' type
 */
public final class ChoiceOptions<T> extends ValueWidgetOptions<ChoiceOptions<T>, T> {

    private Integer index = 0;
    private Function<? super T, String> formatFunc = String::valueOf;
    private boolean horizontal;
    private String placeholder = "Choose an option";

    /** The position of the option chosen at first; {@code null} chooses none (the widget returns null). */
    public ChoiceOptions<T> index(Integer index) {
        this.index = index;
        return this;
    }

    /** How an option is shown; {@code String.valueOf} by default. */
    public ChoiceOptions<T> formatFunc(Function<? super T, String> formatFunc) {
        this.formatFunc = formatFunc;
        return this;
    }

    /** Lays radio buttons out in a row. */
    public ChoiceOptions<T> horizontal(boolean horizontal) {
        this.horizontal = horizontal;
        return this;
    }

    /** The text of a select box with nothing chosen. */
    public ChoiceOptions<T> placeholder(String placeholder) {
        this.placeholder = placeholder;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static <T> Snapshot<T> snapshot(ChoiceOptions<T> options) {
        return new Snapshot<>(options.index, options.formatFunc, options.horizontal, options.placeholder);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param index what the page set, or the default
     * @param formatFunc what the page set, or the default
     * @param horizontal what the page set, or the default
     * @param placeholder what the page set, or the default
     * @param <T> the options' type
     */
    public record Snapshot<T>(Integer index, Function<? super T, String> formatFunc, boolean horizontal, String placeholder) {
    }
}
