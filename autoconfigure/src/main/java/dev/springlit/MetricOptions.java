package dev.springlit;

/** Options of {@code st.metric}: {@code o -> o.deltaColor(DeltaColor.INVERSE).help("Lower is better")}. */
public final class MetricOptions {

    /** How a metric's delta is coloured. */
    public enum DeltaColor {
        /** Up is green, down is red. */
        NORMAL,
        /** Up is red, down is green (costs, errors). */
        INVERSE,
        /** Always grey. */
        OFF
    }

    private DeltaColor deltaColor = DeltaColor.NORMAL;
    private String help;

    public MetricOptions deltaColor(DeltaColor deltaColor) {
        this.deltaColor = deltaColor;
        return this;
    }

    public MetricOptions help(String help) {
        this.help = help;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(MetricOptions options) {
        return new Snapshot(options.deltaColor, options.help);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param deltaColor what the page set, or the default
     * @param help what the page set, or the default
     */
    public record Snapshot(DeltaColor deltaColor, String help) {
    }
}
