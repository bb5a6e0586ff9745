package dev.springlit.web.render;

import java.util.List;

import org.unbescape.html.HtmlEscape;

import dev.springlit.element.Table;

/**
 * What {@code elements/table.html} writes, written directly into one buffer: a data frame changes with every
 * filter, and the template's loops over columns and rows (SpEL per cell, a handler per tag) were a large share of a
 * dashboard interaction's CPU and allocation. Text is escaped as Thymeleaf's {@code th:text} and {@code th:value}
 * escape it ({@link HtmlEscape#escapeHtml4Xml}). {@code DataTemplatesTest} checks that it is exactly what the
 * template writes.
 */
final class TableHtml {

    private static final String PAGER = "<div class=\"sl-table-pager\"><input type=\"button\" class=\"sl-page-prev\""
            + " value=\"Previous\" disabled><span class=\"sl-page-info\" aria-live=\"polite\"></span><input"
            + " type=\"button\" class=\"sl-page-next\" value=\"Next\" disabled></div>";

    private TableHtml() {
    }

    /** The table's HTML; {@code rowsForScript} (an interactive table's rows as JSON for a script element) or null. */
    static String of(Table table, String rowsForScript) {
        List<String> columns = table.columns();
        List<Boolean> numeric = table.numeric();
        StringBuilder html = new StringBuilder(256 + (rowsForScript == null ? 0 : rowsForScript.length())
                + columns.size() * 96);
        html.append("<div class=\"sl-el sl-table\" data-sl-table=\"");
        if (table.interactive()) {
            html.append("interactive\" data-sl-page-size=\"").append(table.pageSize() > 0 ? table.pageSize() : 50);
        } else {
            html.append("static");
        }
        html.append("\"><div class=\"sl-table-scroll\"><table class=\"sl-table-grid\"><thead><tr>");
        for (int c = 0; c < columns.size(); c++) {
            String name = HtmlEscape.escapeHtml4Xml(columns.get(c));
            if (table.interactive()) {
                html.append("<th scope=\"col\" aria-sort=\"none\" data-sl-col=\"").append(c).append('"');
                numericClass(html, numeric, c);
                html.append("><input type=\"button\" class=\"sl-sort\" value=\"").append(name).append("\"></th>");
            } else {
                html.append("<th scope=\"col\"");
                numericClass(html, numeric, c);
                html.append('>').append(name).append("</th>");
            }
        }
        html.append("</tr></thead><tbody>");
        if (!table.interactive()) {
            for (List<String> row : table.rows()) {
                html.append("<tr>");
                for (int c = 0; c < row.size(); c++) {
                    html.append("<td");
                    numericClass(html, numeric, c);
                    html.append('>').append(HtmlEscape.escapeHtml4Xml(row.get(c))).append("</td>");
                }
                html.append("</tr>");
            }
        }
        html.append("</tbody></table></div>");
        if (table.interactive()) {
            html.append(PAGER).append("<script type=\"application/json\" class=\"sl-table-data\">")
                    .append(rowsForScript).append("</script>");
        }
        return html.append("</div>").toString();
    }

    private static void numericClass(StringBuilder html, List<Boolean> numeric, int column) {
        if (column < numeric.size() && numeric.get(column)) {
            html.append(" class=\"sl-num\"");
        }
    }
}
