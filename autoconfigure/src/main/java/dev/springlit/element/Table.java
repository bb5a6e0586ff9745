package dev.springlit.element;

import java.util.List;

/**
 * Rows of data under named columns. A static table shows every row; an interactive one (a data frame) can be
 * sorted by clicking a header and shows one page of rows at a time, so thousands of rows stay fast.
 *
 * @param columns     the column names, in order
 * @param rows        the cells as text, one list per row, in column order
 * @param numeric     per column, whether it holds numbers (right-aligned, sorted as numbers)
 * @param interactive sortable and paged ({@code st.dataframe}) rather than static ({@code st.table})
 * @param pageSize    rows per page of an interactive table
 */
public record Table(List<String> columns, List<List<String>> rows, List<Boolean> numeric, boolean interactive,
                    int pageSize) implements Element {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        numeric = List.copyOf(numeric);
    }

    @Override
    public String kind() {
        return "table";
    }
}
