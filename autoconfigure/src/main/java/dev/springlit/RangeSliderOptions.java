package dev.springlit;

/**
 * Options of {@code st.rangeSlider}: {@code o -> o.value(20, 80)}. Without a value the range spans the whole
 * slider. Numbers are converted to the slider's type.
 */
public final class RangeSliderOptions extends WidgetOptions<RangeSliderOptions> {

    private Number low;
    private Number high;
    private Number step;
    private Callback onChange;

    /** The range the slider starts with. */
    public RangeSliderOptions value(Number low, Number high) {
        this.low = low;
        this.high = high;
        return this;
    }

    /** The distance between positions. */
    public RangeSliderOptions step(Number step) {
        this.step = step;
        return this;
    }

    /** Runs when the user moves a handle, before the page body of the run the change causes. */
    public RangeSliderOptions onChange(Runnable onChange) {
        this.onChange = onChange == null ? null : args -> onChange.run();
        return this;
    }

    /** Runs when the user moves a handle and receives the {@link #args}/{@link #kwargs} given here. */
    public RangeSliderOptions onChange(Callback onChange) {
        this.onChange = onChange;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(RangeSliderOptions options) {
        return new Snapshot(options.low, options.high, options.step, options.onChange,
                options.low != null && options.high != null);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param low what the page set, or the default
     * @param high what the page set, or the default
     * @param step what the page set, or the default
     * @param onChange what the page set, or the default
     * @param valueGiven whether the page gave both ends of the starting range
     */
    public record Snapshot(Number low, Number high, Number step, Callback onChange, boolean valueGiven) {
    }
}
