package dev.springlit;

/**
 * Options of widgets that hold a value: its starting value and an {@code onChange} callback.
 *
 * @param <S> the concrete options type, so that calls chain
 * @param <T> the widget's value type
 */
public abstract class ValueWidgetOptions<S extends ValueWidgetOptions<S, T>, T> extends WidgetOptions<S> {

    private T value;
    private boolean valueGiven;
    private Callback onChange;

    /** The value the widget starts with (and returns until the user changes it). */
    public S value(T value) {
        this.value = value;
        this.valueGiven = true;
        return self();
    }

    /** Runs when the user changes the value, before the page body of the run the change causes. */
    public S onChange(Runnable onChange) {
        this.onChange = onChange == null ? null : args -> onChange.run();
        return self();
    }

    /** Runs when the user changes the value and receives the {@link #args}/{@link #kwargs} given here. */
    public S onChange(Callback onChange) {
        this.onChange = onChange;
        return self();
    }

    /** What the runtime reads of a value widget's start and callback: kept off the options so pages see only setters. */
    public static <T> Start<T> start(ValueWidgetOptions<?, T> options) {
        return new Start<>(options.value, options.valueGiven, options.onChange);
    }

    /**
     * A value widget's start and callback, as the runtime reads them.
     *
     * @param valueGiven whether the page set the starting value itself (Streamlit warns when state also sets it)
     */
    public record Start<T>(T value, boolean valueGiven, Callback onChange) {
    }
}
