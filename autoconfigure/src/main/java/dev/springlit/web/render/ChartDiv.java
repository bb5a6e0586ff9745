package dev.springlit.web.render;

import dev.springlit.element.Chart;

/**
 * What {@code elements/chart.html} writes, written directly: a dashboard's charts change with every filter, so
 * they miss the rendered-HTML cache, and running the template cost more than building the chart (its handler
 * objects were a fifth of the bytes a dashboard interaction allocated). {@code DataTemplatesTest} checks that it is
 * exactly what the template writes.
 */
final class ChartDiv {

    private ChartDiv() {
    }

    /** The chart's HTML around {@code configForScript}, its configuration already escaped for a script element. */
    static String of(Chart chart, String configForScript) {
        int height = chart.height() > 0 ? chart.height() : 400;
        return "<div class=\"sl-el sl-chart\" data-sl-style=\"height: " + height
                + "px\"><canvas role=\"img\" aria-label=\"chart\"></canvas>"
                + "<script type=\"application/json\" class=\"sl-chart-config\">" + configForScript + "</script></div>";
    }
}
