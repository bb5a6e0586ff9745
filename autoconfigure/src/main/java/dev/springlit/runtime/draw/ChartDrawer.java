package dev.springlit.runtime.draw;

import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

import dev.springlit.ChartOptions;
import dev.springlit.element.Chart;

/** Line, bar, area and scatter charts from rows, and raw Chart.js configurations. */
final class ChartDrawer {

    private ChartDrawer() {
    }

    /** {@code kind} is Chart.js's: "line", "bar", "area" or "scatter". */
    static void rows(DeltaGenerator st, String kind, Collection<?> rows, Consumer<ChartOptions> options) {
        ChartOptions o = new ChartOptions();
        options.accept(o);
        st.run();
        st.emit(st.owner().tools().dataElements().chart(kind, rows, ChartOptions.snapshot(o)));
    }

    static void config(DeltaGenerator st, Map<String, ?> chartJsConfig, int height) {
        st.run();
        st.emit(new Chart(st.owner().tools().dataElements().write(chartJsConfig), height));
    }
}
