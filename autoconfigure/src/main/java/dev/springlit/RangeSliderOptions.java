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

    public Number getLow() {
        return low;
    }

    public Number getHigh() {
        return high;
    }

    public boolean isValueGiven() {
        return low != null && high != null;
    }

    public Number getStep() {
        return step;
    }

    public Callback getOnChange() {
        return onChange;
    }
}
