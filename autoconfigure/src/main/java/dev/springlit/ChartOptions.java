package dev.springlit;

import java.util.List;

/**
 * Options of the charts ({@code lineChart}, {@code barChart}, {@code areaChart}, {@code scatterChart}): which
 * fields of the rows give the x axis, the y values (one series each) and the colour (one series per value).
 *
 * <pre>{@code
 * st.lineChart(sales, o -> o.x("month").y("revenue").color("region"));
 * st.barChart(totals, o -> o.x("region").y("revenue", "cost").height(300));
 * }</pre>
 */
public final class ChartOptions {

    private String x;
    private List<String> y = List.of();
    private String color;
    private int height = 320;
    private String title;
    private boolean stacked;

    /** The field of the x axis (the first field by default). */
    public ChartOptions x(String field) {
        this.x = field;
        return this;
    }

    /** The numeric fields to plot, one series each (every other numeric field by default). */
    public ChartOptions y(String... fields) {
        this.y = List.of(fields);
        return this;
    }

    /** A field whose values split the rows into series (one per value), with a single y field. */
    public ChartOptions color(String field) {
        this.color = field;
        return this;
    }

    /** The chart's height in pixels (320 by default). */
    public ChartOptions height(int height) {
        this.height = height;
        return this;
    }

    /** A title above the chart. */
    public ChartOptions title(String title) {
        this.title = title;
        return this;
    }

    /** Stacks bars or areas of several series. */
    public ChartOptions stacked(boolean stacked) {
        this.stacked = stacked;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(ChartOptions options) {
        return new Snapshot(options.x, options.y, options.color, options.height, options.title, options.stacked);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param x what the page set, or the default
     * @param y what the page set, or the default
     * @param color what the page set, or the default
     * @param height what the page set, or the default
     * @param title what the page set, or the default
     * @param stacked what the page set, or the default
     */
    public record Snapshot(String x, List<String> y, String color, int height, String title, boolean stacked) {
    }
}
