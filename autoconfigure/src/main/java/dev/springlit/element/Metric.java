package dev.springlit.element;

/**
 * A big number with a label and an optional change, coloured green up / red down (or the reverse).
 *
 * @param label      what it measures
 * @param value      the value as shown
 * @param delta      the change as shown ("+5%", "-3"), or {@code null}
 * @param deltaColor "normal" (up is good), "inverse" (up is bad) or "off" (grey)
 * @param help       a tooltip, or {@code null}
 */
public record Metric(String label, String value, String delta, String deltaColor, String help) implements Element {

    /** Whether the delta points down (it starts with a minus sign). */
    public boolean deltaDown() {
        return delta != null && (delta.startsWith("-") || delta.startsWith("−"));
    }

    @Override
    public String kind() {
        return "metric";
    }
}
