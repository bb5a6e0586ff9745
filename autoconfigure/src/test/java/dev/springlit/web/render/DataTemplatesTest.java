package dev.springlit.web.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.element.Chart;
import dev.springlit.element.Element;
import dev.springlit.element.Json;
import dev.springlit.element.Table;

/**
 * Tables, charts and JSON written without their templates ({@link TableHtml}, {@link ChartDiv}, {@link JsonDetails})
 * are exactly what {@code elements/table.html}, {@code chart.html} and {@code json.html} write, for user text that
 * needs escaping, numeric flags, page sizes, heights and JSON of one line, many lines or none.
 */
class DataTemplatesTest {

    private static final String HOSTILE =
            "</script><script>alert(\"x\")</script> & 'q' <!-- \u2028 \u00e9 \ud83d\ude00 \t";

    private final ITemplateEngine templates = new SpringlitTemplates().engine();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final ElementRenderer renderer = new ElementRenderer(templates, mapper);

    @Test
    void tablesAreWhatTheTemplateWrites() {
        List<List<String>> columnSets = List.of(List.of("region", "revenue"), List.of(HOSTILE, "<b>", ""),
                List.of("only"), List.of());
        for (List<String> columns : columnSets) {
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < columns.size(); c++) {
                    row.add(r == 1 ? HOSTILE : c + "." + r);
                }
                rows.add(row);
            }
            for (List<Boolean> numeric : flagSets(columns.size())) {
                for (List<List<String>> someRows : List.of(rows, List.<List<String>>of())) {
                    for (boolean interactive : new boolean[] {true, false}) {
                        for (int pageSize : new int[] {0, -1, 12}) {
                            Table table = new Table(columns, someRows, numeric, interactive, pageSize);
                            assertThat(renderer.render(table)).as("%s", table).isEqualTo(throughTemplate(table));
                        }
                    }
                }
            }
        }
    }

    /** All false, all true, alternating, and shorter than the columns (the template checks the index). */
    private static List<List<Boolean>> flagSets(int columns) {
        List<Boolean> alternating = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            alternating.add(c % 2 == 1);
        }
        return List.of(Collections.nCopies(columns, false), Collections.nCopies(columns, true), alternating,
                columns == 0 ? List.of() : Collections.nCopies(columns - 1, true));
    }

    @Test
    void chartsAreWhatTheTemplateWrites() {
        for (String config : List.of("{}", "{\"type\":\"line\",\"data\":{\"labels\":[\"" + HOSTILE.replace("\"", "\\\"")
                + "\"]}}")) {
            for (int height : new int[] {0, -5, 1, 250, 400}) {
                Chart chart = new Chart(config, height);
                assertThat(renderer.render(chart)).as("%s", chart).isEqualTo(throughTemplate(chart));
            }
        }
    }

    @Test
    void jsonIsWhatTheTemplateWrites() {
        String longLine = "\"" + "x".repeat(120) + "\"";
        List<String> texts = Arrays.asList(null, "", "42", "\"" + HOSTILE + "\"", longLine, "x".repeat(80),
                "x".repeat(81), "{\n  \"a\" : 1\n}",
                "[ {\n  \"region\" : \"" + HOSTILE + "\"\n}, {\n  \"b\" : 2\n} ]  ",
                "{" + "y".repeat(70) + "\n" + "}", "\n", "a\n\n", "{\r\n  \"a\" : 1\r\n}");
        for (String text : texts) {
            for (boolean expanded : new boolean[] {true, false}) {
                Json json = new Json(text, expanded);
                assertThat(renderer.render(json)).as("%s", json).isEqualTo(throughTemplate(json));
            }
        }
    }

    /** The template as ElementRenderer ran it before (see its Javadoc for the context). */
    private String throughTemplate(Element element) {
        Context context = new Context();
        context.setVariable("el", element);
        if (element instanceof Table table && table.interactive()) {
            context.setVariable("rowsJson", ElementRenderer.forScript(mapper.writeValueAsString(table.rows())));
        } else if (element instanceof Chart chart) {
            context.setVariable("configJson", ElementRenderer.forScript(chart.config()));
        }
        return templates.process("springlit/elements/" + element.kind(), Set.of("%" + element.kind()), context).strip();
    }
}
