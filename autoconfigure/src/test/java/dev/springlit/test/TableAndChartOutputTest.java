package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.springlit.element.Chart;
import dev.springlit.element.Table;
import dev.springlit.web.render.ElementRenderer;
import dev.springlit.web.render.SpringlitTemplates;

/**
 * What a table's cells and a chart's configuration say, and the HTML the browser gets for them, pinned before the
 * dashboard's allocation work changed how they are built: numbers as Java writes them (NaN, infinities, negative
 * zero, large and small values, BigDecimal), the same value from a record (read through Jackson) and from a map
 * (taken as it is), format patterns under a non-English default locale, and user text in cells, headers and chart
 * labels escaped. The HTML is compared with golden files ({@code src/test/resources/golden/}); running with
 * {@code -Dgolden.write=src/test/resources/golden} writes them again.
 */
class TableAndChartOutputTest {

    enum Tier { GOLD }

    record Point(int a) {
    }

    /** One value of each kind, as a record: Jackson turns it into a map first. */
    record Values(double d, float f, long l, BigDecimal big, BigInteger huge, String text, LocalDate day, boolean flag,
                  Tier tier, Point point, List<Integer> list, Double missing) {
    }

    private static final double[] DOUBLES = {1.0, -0.0, 0.1, 2.5e-7, 123456789.125, 1e15, 999999999999999.0, 1e20,
            -42.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE};

    private final ElementRenderer renderer = new ElementRenderer(new SpringlitTemplates().engine());
    private Locale defaultLocale;

    @BeforeEach
    void germanDefaultLocale() {
        defaultLocale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // a decimal comma, if anything used the default locale
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(defaultLocale);
    }

    private static List<Values> valueRows() {
        List<Values> rows = new ArrayList<>();
        for (double d : DOUBLES) {
            rows.add(new Values(d, (float) d, (long) d, BigDecimal.valueOf(d == d && !Double.isInfinite(d) ? d : 0),
                    BigInteger.TEN.pow(30), "a", LocalDate.of(2026, 1, 2), true, Tier.GOLD, new Point(1), List.of(1, 2),
                    null));
        }
        return rows;
    }

    private static List<Map<String, Object>> asMaps(List<Values> rows) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Values v : rows) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("d", v.d());
            map.put("f", v.f());
            map.put("l", v.l());
            map.put("big", v.big());
            map.put("huge", v.huge());
            map.put("text", v.text());
            map.put("day", v.day());
            map.put("flag", v.flag());
            map.put("tier", v.tier());
            map.put("point", v.point());
            map.put("list", v.list());
            map.put("missing", v.missing());
            maps.add(map);
        }
        return maps;
    }

    private static List<String> column(Table table, String name) {
        int index = table.columns().indexOf(name);
        return table.rows().stream().map(row -> row.get(index)).toList();
    }

    /** Every column of the table as "name (numeric): cell | cell | ...", one line each. */
    private static String cells(Table table) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < table.columns().size(); c++) {
            text.append(table.columns().get(c)).append(table.numeric().get(c) ? " (numeric): " : ": ")
                    .append(String.join(" | ", column(table, table.columns().get(c)))).append('\n');
        }
        return text.toString();
    }

    @Test
    void cellsOfRecordsShowNumbersAsJavaWritesThemAfterJacksonReadTheRecord() throws IOException {
        try (PageTester t = PageTester.of(st -> st.dataframe(valueRows())).run()) {
            Table table = t.table(0);
            assertThat(column(table, "d")).startsWith("1.0", "0.0", "0.1", "2.5E-7", "1.23456789125E8", "1.0E15",
                    "999999999999999.0", "1.0E20", "-42.0", "NaN", "Infinity", "-Infinity");
            assertThat(column(table, "day")).as("a LocalDate as Jackson writes it").containsOnly("2026-01-02");
            assertThat(column(table, "point")).as("a nested record as the map Jackson reads").containsOnly("{a=1}");
            assertGolden("cells-of-records.txt", cells(table));
        }
    }

    @Test
    void cellsOfMapsShowTheValuesThemselves() throws IOException {
        try (PageTester t = PageTester.of(st -> st.dataframe(asMaps(valueRows()))).run()) {
            Table table = t.table(0);
            assertThat(column(table, "point")).as("a record in a map as its toString").containsOnly("Point[a=1]");
            assertGolden("cells-of-maps.txt", cells(table));
        }
    }

    @Test
    void formatPatternsUseTheRootLocaleWhateverTheDefaultLocale() throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (double d : DOUBLES) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("two", d);
            row.put("grouped", d);
            row.put("none", d);
            row.put("float", (float) d);
            row.put("big", d == d && !Double.isInfinite(d) ? new BigDecimal(d) : null);
            row.put("int", (long) d);
            row.put("text", "x");
            rows.add(row);
        }
        rows.add(new LinkedHashMap<>(Map.of("text", "only text")));
        try (PageTester t = PageTester.of(st -> st.dataframe(rows, o -> o.format("two", "%.2f")
                .format("grouped", "%,.1f").format("none", "%.0f").format("float", "%8.3f").format("big", "%.4f")
                .format("int", "%,d units").format("text", "<%s>"))).run()) {
            Table table = t.table(0);
            assertThat(column(table, "two")).startsWith("1.00", "-0.00", "0.10", "0.00", "123456789.13");
            assertThat(column(table, "grouped")).contains("123,456,789.1", "NaN", "-Infinity");
            assertThat(column(table, "text")).containsOnly("<x>", "<only text>");
            assertGolden("cells-formatted.txt", cells(table));
        }
    }

    @Test
    void aPatternThatDoesNotFitTheValueShowsTheFormattersError() {
        try (PageTester t = PageTester.of(st -> st.dataframe(List.of(Map.of("n", 1.5)), o -> o.format("n", "%d")))
                .run()) {
            assertThat(t.exceptions()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo("java.util.IllegalFormatConversionException");
                assertThat(e.message()).isEqualTo("d != java.lang.Double");
            });
        }
    }

    /** Text a user typed, where it can end a script element, open a tag or break an attribute. */
    private static final String HOSTILE = "</script><script>alert(\"x\")</script> & 'q' <!-- \u2028 é 😀";

    private static List<Map<String, Object>> hostileRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("<b>" + HOSTILE + "</b>", HOSTILE + i);
            row.put("value", i * 1.5);
            row.put("series", i % 2 == 0 ? HOSTILE : "plain");
            rows.add(row);
        }
        return rows;
    }

    @Test
    void userTextInCellsHeadersAndChartLabelsIsEscapedForTheBrowser() throws IOException {
        String header = "<b>" + HOSTILE + "</b>";
        try (PageTester t = PageTester.of(st -> {
            st.dataframe(hostileRows());
            st.table(hostileRows());
            st.lineChart(hostileRows(), o -> o.x(header).y("value").color("series").title(HOSTILE));
            st.barChart(hostileRows(), o -> o.x(header).y("value"));
        }).run()) {
            String frame = renderer.render(t.table(0));
            String table = renderer.render(t.table(1));
            String line = renderer.render(t.chart(0));
            String bar = renderer.render(t.chart(1));
            for (String html : List.of(frame, table, line, bar)) {
                assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>");
                assertThat(html.split("</script>", -1).length - 1).as("script elements closed in " + html)
                        .isEqualTo(html.split("<script", -1).length - 1);
            }
            assertGolden("hostile-dataframe.html", frame);
            assertGolden("hostile-table.html", table);
            assertGolden("hostile-line-chart.html", line);
            assertGolden("hostile-bar-chart.html", bar);
        }
    }

    record Sale(String region, String month, double revenue, int units) {
    }

    private static final List<Sale> SALES = List.of(new Sale("North", "2026-01", 41000.5, 1108),
            new Sale("South", "2026-01", 52000.25, 1405), new Sale("North", "2026-02", 43000.0, 1162),
            new Sale("South", "2026-02", Double.NaN, 0), new Sale("East", "2026-03", 1e20, 7));

    @Test
    void chartsOfEachKindAndTablesRenderAsBefore() throws IOException {
        try (PageTester t = PageTester.of(st -> {
            st.lineChart(SALES, o -> o.x("month").y("revenue").color("region"));
            st.barChart(SALES, o -> o.x("region").y("revenue", "units").stacked(true).title("By region"));
            st.scatterChart(SALES, o -> o.x("units").y("revenue"));
            st.areaChart(SALES, o -> o.x("month").y("units").height(250));
            st.lineChart(SALES, o -> { });
            st.lineChart(List.<Sale>of(), o -> { });
            st.chart(Map.of("type", "doughnut", "data", Map.of("labels", List.of("<a>"), "datasets", List.of())), 200);
            st.dataframe(SALES, o -> o.format("revenue", "%.2f").pageSize(2));
            st.table(SALES, o -> o.columns("units", "region"));
        }).run()) {
            List<Chart> charts = t.elementsOf(Chart.class);
            assertThat(charts).hasSize(7);
            StringBuilder html = new StringBuilder();
            for (Chart chart : charts) {
                html.append(renderer.render(chart)).append('\n');
            }
            html.append(renderer.render(t.table(0))).append('\n');
            html.append(renderer.render(t.table(1))).append('\n');
            assertGolden("charts-and-tables.html", html.toString());
        }
    }

    private static final Pattern CHART_CONFIG = Pattern.compile(
            "(<script type=\"application/json\" class=\"sl-chart-config\">)(.*?)(</script>)");
    private static final JsonMapper SORTED = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * The HTML with each chart configuration's keys sorted: the configuration's maps were Map.of() before, whose
     * order changes from one JVM to the next, so only the JSON's content can be pinned, not its key order.
     */
    static String sortedChartKeys(String html) {
        Matcher m = CHART_CONFIG.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String json = SORTED.writeValueAsString(SORTED.readValue(m.group(2), Object.class))
                    .replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + json + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void assertGolden(String name, String html) throws IOException {
        String actual = sortedChartKeys(html);
        String writeTo = System.getProperty("golden.write", "");
        if (!writeTo.isEmpty()) {
            Files.writeString(Path.of(writeTo, name), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = TableAndChartOutputTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aTableOfManyRowsKeepsEveryCell() {
        List<Sale> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(new Sale(i % 2 == 0 ? "North" : "South", "2026-" + (i % 12 + 1), i * 0.5, i));
        }
        try (PageTester t = PageTester.of(st -> st.dataframe(many, o -> o.format("revenue", "%.1f"))).run()) {
            Table table = t.table(0);
            assertThat(table.rows()).hasSize(10_000);
            assertThat(table.rows().get(9_999)).isEqualTo(Arrays.asList("South", "2026-4", "4999.5", "9999"));
            assertThat(renderer.render(table)).contains("[\"South\",\"2026-4\",\"4999.5\",\"9999\"]]");
        }
    }
}
