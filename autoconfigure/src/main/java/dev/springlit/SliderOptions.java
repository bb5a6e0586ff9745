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

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(SliderOptions options) {
        return new Snapshot(options.step, options.format);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param step what the page set, or the default
     * @param format what the page set, or the default
     */
    public record Snapshot(Number step, String format) {
    }
}
