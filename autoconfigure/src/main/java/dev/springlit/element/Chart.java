package dev.springlit.element;

/**
 * A chart drawn in the browser by Chart.js (shipped in the jar): line, bar, area, scatter, or any Chart.js
 * configuration given raw.
 *
 * @param config the Chart.js configuration as JSON text ({@code type}, {@code data}, {@code options})
 * @param height its height in pixels
 */
public record Chart(String config, int height) implements Element {

    @Override
    public String kind() {
        return "chart";
    }
}
