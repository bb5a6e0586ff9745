package dev.springlit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code st.table} and {@code st.dataframe}: which columns in which order, and how to format them.
 *
 * <pre>{@code
 * st.dataframe(sales, o -> o.columns("region", "month", "revenue").format("revenue", "%,.2f").pageSize(25));
 * }</pre>
 */
public final class TableOptions {

    private List<String> columns;
    private final Map<String, String> formats = new LinkedHashMap<>();
    private int pageSize = 50;

    /** The columns to show, in this order (all of them, in the rows' own order, by default). */
    public TableOptions columns(String... columns) {
        this.columns = List.of(columns);
        return this;
    }

    /** A {@code String.format} pattern for a column's values, such as {@code "%.1f %%"}. */
    public TableOptions format(String column, String pattern) {
        formats.put(column, pattern);
        return this;
    }

    /** Rows per page of a data frame (50 by default). */
    public TableOptions pageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.pageSize = pageSize;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(TableOptions options) {
        return new Snapshot(options.columns, options.formats, options.pageSize);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param columns what the page set, or the default
     * @param formats what the page set, or the default
     * @param pageSize what the page set, or the default
     */
    public record Snapshot(List<String> columns, Map<String, String> formats, int pageSize) {
    }
}
