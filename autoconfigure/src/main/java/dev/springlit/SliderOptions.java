package dev.springlit;

/**
 * Options of {@code st.slider}: {@code o -> o.key("celsius").step(0.5)}. Without a value the slider starts
 * at its minimum. Numbers are converted to the slider's type (whole numbers for an {@code int} slider).
 */
public final class SliderOptions extends ValueWidgetOptions<SliderOptions, Number> {

    private Number step;
    private String format;

    /** The distance between positions (1 for whole numbers, 0.01 otherwise). */
    public SliderOptions step(Number step) {
        this.step = step;
        return this;
    }

    /** A printf-style format for the shown value. */
    public SliderOptions format(String format) {
        this.format = format;
        return this;
    }

    public Number getStep() {
        return step;
    }

    public String getFormat() {
        return format;
    }
}
