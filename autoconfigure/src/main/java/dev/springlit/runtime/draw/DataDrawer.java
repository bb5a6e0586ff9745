package dev.springlit.runtime.draw;

import java.util.Collection;
import java.util.Locale;
import java.util.function.Consumer;

import dev.springlit.MetricOptions;
import dev.springlit.TableOptions;
import dev.springlit.element.Json;
import dev.springlit.element.Metric;

/** Metrics, JSON, tables and data frames: values and rows the page shows (rows are read by {@link DataElements}). */
final class DataDrawer {

    private DataDrawer() {
    }

    static void metric(DeltaGenerator st, String label, Object value, Object delta, Consumer<MetricOptions> options) {
        MetricOptions o = new MetricOptions();
        options.accept(o);
        var read = MetricOptions.snapshot(o);
        st.emit(new Metric(label, String.valueOf(value), delta == null ? null : String.valueOf(delta),
                read.deltaColor().name().toLowerCase(Locale.ROOT), read.help()));
    }

    static void json(DeltaGenerator st, Object value, boolean expanded) {
        st.run();
        DrawTools engine = st.owner().tools();
        String text = value instanceof CharSequence raw ? prettyJson(engine, raw.toString())
                : engine.jsonWriter().writeValueAsString(value);
        st.emit(new Json(text, expanded));
    }

    /** A JSON string is shown parsed and indented; text that is not JSON is shown as a JSON string. */
    private static String prettyJson(DrawTools engine, String raw) {
        try {
            return engine.jsonWriter().writeValueAsString(engine.dataElements().parse(raw));
        } catch (RuntimeException notJson) {
            return engine.jsonWriter().writeValueAsString(raw);
        }
    }

    static void table(DeltaGenerator st, Collection<?> rows, Consumer<TableOptions> options, boolean interactive) {
        TableOptions o = new TableOptions();
        options.accept(o);
        st.run();
        st.emit(st.owner().tools().dataElements().table(rows, TableOptions.snapshot(o), interactive));
    }
}
