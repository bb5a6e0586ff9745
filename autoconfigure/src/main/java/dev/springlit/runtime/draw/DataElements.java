package dev.springlit.runtime.draw;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.ChartOptions;
import dev.springlit.StreamlitApiException;
import dev.springlit.TableOptions;
import dev.springlit.element.Chart;
import dev.springlit.element.Table;

/** Builds tables and charts from the rows a page passes: records, beans or maps, one row each. */
final class DataElements {

    private final JsonMapper mapper;

    DataElements(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Each row as field → value, in the row's own field order (record components, bean properties, map keys). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows(Collection<?> rows) {
        List<Object> read = readByJackson(rows);
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        int next = 0;
        for (Object row : rows) {
            if (row == null) {
                maps.add(Map.of());
            } else if (row instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                maps.add(copy);
            } else {
                Object converted = read.get(next++);
                if (!(converted instanceof Map<?, ?>)) {
                    throw new StreamlitApiException("A table or chart row must be a record, a bean or a map, not "
                            + row.getClass().getName() + ".");
                }
                maps.add((Map<String, Object>) converted);
            }
        }
        return maps;
    }

    /**
     * The rows that are neither null nor maps, each as Jackson reads it ({@code convertValue(row, Object.class)}), in
     * one conversion of them all: one per row cost its set-up again for every row (a tenth of what a dashboard
     * interaction allocated). When the one conversion fails or gives something else than one value per row (an
     * application's mapper may wrap or unwrap root values), each row is converted on its own, as before, so a row
     * Jackson cannot write fails with the same error.
     */
    private List<Object> readByJackson(Collection<?> rows) {
        List<Object> beans = new ArrayList<>();
        for (Object row : rows) {
            if (row != null && !(row instanceof Map<?, ?>)) {
                beans.add(row);
            }
        }
        if (beans.isEmpty()) {
            return beans;
        }
        try {
            if (mapper.convertValue(beans, Object.class) instanceof List<?> all && all.size() == beans.size()) {
                return new ArrayList<>(all);
            }
        } catch (RuntimeException oneFailed) {
            // converted one by one below, to fail exactly as that does
        }
        List<Object> each = new ArrayList<>(beans.size());
        for (Object bean : beans) {
            each.add(mapper.convertValue(bean, Object.class));
        }
        return each;
    }

    private static List<String> columns(List<Map<String, Object>> rows, List<String> chosen) {
        if (chosen != null) {
            return chosen;
        }
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        return List.copyOf(columns);
    }

    Table table(Collection<?> source, TableOptions.Snapshot options, boolean interactive) {
        List<Map<String, Object>> rows = rows(source);
        List<String> columns = columns(rows, options.columns());
        List<Boolean> numeric = new ArrayList<>(columns.size());
        CellFormat[] formats = new CellFormat[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            boolean any = false;
            boolean allNumbers = true;
            for (Map<String, Object> row : rows) {
                Object value = row.get(column);
                any |= value != null;
                allNumbers &= value == null || value instanceof Number;
            }
            numeric.add(allNumbers && any);
            String pattern = options.formats().get(column);
            formats[c] = pattern == null ? null : new CellFormat(pattern);
        }
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < line.length; c++) {
                line[c] = cell(row.get(columns.get(c)), formats[c]);
            }
            cells.add(Arrays.asList(line));
        }
        return new Table(columns, cells, numeric, interactive, options.pageSize());
    }

    private static String cell(Object value, CellFormat format) {
        if (value == null) {
            return "";
        }
        if (format != null) {
            return format.apply(value);
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue()) + ".0";
        }
        if (value instanceof BigDecimal big) {
            return big.toPlainString();
        }
        return String.valueOf(value);
    }

    /** A Chart.js configuration for a line, bar, area or scatter chart of the rows. */
    Chart chart(String kind, Collection<?> source, ChartOptions.Snapshot options) {
        List<Map<String, Object>> rows = rows(source);
        if (rows.isEmpty()) {
            return new Chart(write(Map.of("type", "line", "data", Map.of("labels", List.of(), "datasets", List.of()))),
                    options.height());
        }
        String x = options.x() != null ? options.x() : rows.get(0).keySet().iterator().next();
        List<String> ys = options.y().isEmpty() ? numericFields(rows, x, options.color()) : options.y();
        if (ys.isEmpty()) {
            throw new StreamlitApiException("A chart needs a numeric y field; the rows have " + rows.get(0).keySet() + ".");
        }
        boolean scatter = kind.equals("scatter");
        List<Object> labels = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(r -> r.get(x)).toList()));
        List<Map<String, Object>> datasets = new ArrayList<>();
        if (options.color() != null) {
            String y = ys.get(0);
            Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
            rows.forEach(r -> groups.computeIfAbsent(r.get(options.color()), k -> new ArrayList<>()).add(r));
            groups.forEach((series, seriesRows) -> datasets.add(dataset(kind, String.valueOf(series),
                    scatter ? points(seriesRows, x, y) : aligned(labels, seriesRows, x, y))));
        } else {
            for (String y : ys) {
                datasets.add(dataset(kind, y, scatter ? points(rows, x, y) : aligned(labels, rows, x, y)));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (!scatter) {
            data.put("labels", labels.stream().map(String::valueOf).toList());
        }
        data.put("datasets", datasets);
        Map<String, Object> plugins = new LinkedHashMap<>();
        plugins.put("legend", Map.of("display", datasets.size() > 1));
        if (options.title() != null) {
            plugins.put("title", Map.of("display", true, "text", options.title()));
        }
        boolean stacked = options.stacked();
        Map<String, Object> chartOptions = new LinkedHashMap<>();
        chartOptions.put("interaction", Map.of("mode", scatter ? "nearest" : "index", "intersect", false));
        chartOptions.put("plugins", plugins);
        chartOptions.put("scales", Map.of(
                "x", scale(scatter ? "linear" : "category", x, stacked),
                "y", scale("linear", options.color() != null || ys.size() == 1 ? ys.get(0) : "", stacked)));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", scatter ? "scatter" : kind.equals("bar") ? "bar" : "line");
        config.put("data", data);
        config.put("options", chartOptions);
        return new Chart(write(config), options.height());
    }

    private static Map<String, Object> scale(String type, String title, boolean stacked) {
        Map<String, Object> scale = new LinkedHashMap<>();
        scale.put("type", type);
        scale.put("stacked", stacked);
        scale.put("title", Map.of("display", !title.isEmpty(), "text", title));
        return scale;
    }

    private static Map<String, Object> dataset(String kind, String label, List<Object> data) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", data);
        if (kind.equals("area")) {
            dataset.put("fill", true);
        }
        return dataset;
    }

    private static List<Object> aligned(List<Object> labels, List<Map<String, Object>> rows, String x, String y) {
        Map<Object, Object> byX = new LinkedHashMap<>();
        rows.forEach(r -> byX.put(r.get(x), r.get(y)));
        List<Object> values = new ArrayList<>(labels.size());
        labels.forEach(label -> values.add(byX.get(label)));
        return values;
    }

    private static List<Object> points(List<Map<String, Object>> rows, String x, String y) {
        List<Object> points = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("x", row.get(x));
            point.put("y", row.get(y));
            points.add(point);
        }
        return points;
    }

    private static List<String> numericFields(List<Map<String, Object>> rows, String x, String color) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, Object> field : rows.get(0).entrySet()) {
            if (!field.getKey().equals(x) && !field.getKey().equals(color) && field.getValue() instanceof Number) {
                fields.add(field.getKey());
            }
        }
        return fields;
    }

    /** JSON text as plain Java values; throws for text that is not JSON. */
    Object parse(String json) {
        return mapper.readValue(json, Object.class);
    }

    String write(Object value) {
        return mapper.writeValueAsString(value);
    }
}
