package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.springlit.MetricOptions;
import dev.springlit.ProgressBar;
import dev.springlit.StatusContainer;
import dev.springlit.element.Table;

/** Metrics, JSON, tables, images, charts, progress, spinner, status and toasts through the PageTester. */
class DataElementsTest {

    record Sale(String region, String month, double revenue, int units) {
    }

    private static final List<Sale> SALES = List.of(new Sale("North", "Jan", 10.5, 3), new Sale("North", "Feb", 12.0, 4),
            new Sale("South", "Jan", 7.25, 2), new Sale("South", "Feb", 9.0, 5));

    @Test
    void metricsCarryValueDeltaAndColour() {
        try (PageTester t = PageTester.of(st -> {
            st.metric("Revenue", "$1.2M", "+5%");
            st.metric("Errors", 12, -3, o -> o.deltaColor(MetricOptions.DeltaColor.INVERSE));
        }).run()) {
            assertThat(t.metric(0).value()).isEqualTo("$1.2M");
            assertThat(t.metric(0).deltaDown()).isFalse();
            assertThat(t.metric(1).delta()).isEqualTo("-3");
            assertThat(t.metric(1).deltaDown()).isTrue();
            assertThat(t.metric(1).deltaColor()).isEqualTo("inverse");
        }
    }

    @Test
    void tablesKeepRecordFieldOrderAndFormatColumns() {
        try (PageTester t = PageTester.of(st -> {
            st.table(SALES);
            st.dataframe(SALES, o -> o.columns("revenue", "region").format("revenue", "%.2f").pageSize(2));
        }).run()) {
            Table table = t.table(0);
            assertThat(table.columns()).containsExactly("region", "month", "revenue", "units");
            assertThat(table.numeric()).containsExactly(false, false, true, true);
            assertThat(table.rows().get(2)).containsExactly("South", "Jan", "7.25", "2");
            assertThat(table.interactive()).isFalse();
            Table frame = t.table(1);
            assertThat(frame.columns()).containsExactly("revenue", "region");
            assertThat(frame.rows().get(0)).containsExactly("10.50", "North");
            assertThat(frame.interactive()).isTrue();
            assertThat(frame.pageSize()).isEqualTo(2);
        }
    }

    @Test
    void tablesTakeMapsAndBeansAndTenThousandRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", i);
            row.put("day", LocalDate.of(2026, 1, 1).plusDays(i % 365));
            rows.add(row);
        }
        try (PageTester t = PageTester.of(st -> st.dataframe(rows)).run()) {
            assertThat(t.table(0).rows()).hasSize(10_000);
            assertThat(t.table(0).rows().get(1)).containsExactly("1", "2026-01-02");
        }
    }

    @Test
    void chartsBecomeChartJsConfigurations() {
        try (PageTester t = PageTester.of(st -> {
            st.lineChart(SALES, o -> o.x("month").y("revenue").color("region"));
            st.barChart(SALES, o -> o.x("region").y("revenue", "units").stacked(true));
            st.scatterChart(SALES, o -> o.x("units").y("revenue"));
            st.areaChart(SALES, o -> o.x("month").y("units"));
            st.chart(Map.of("type", "doughnut", "data", Map.of("labels", List.of("a"), "datasets", List.of())), 200);
        }).run()) {
            assertThat(t.chart(0).config()).contains("\"type\":\"line\"").contains("\"labels\":[\"Jan\",\"Feb\"]")
                    .contains("\"label\":\"North\"").contains("\"data\":[10.5,12.0]").contains("\"label\":\"South\"");
            assertThat(t.chart(1).config()).contains("\"type\":\"bar\"").contains("\"label\":\"units\"")
                    .contains("\"stacked\":true");
            assertThat(t.chart(2).config()).contains("\"type\":\"scatter\"").contains("{\"x\":3,\"y\":10.5}");
            assertThat(t.chart(3).config()).contains("\"fill\":true");
            assertThat(t.chart(4).config()).contains("doughnut");
            assertThat(t.chart(4).height()).isEqualTo(200);
        }
    }

    @Test
    void jsonIsCollapsibleAndStringsOfJsonAreParsed() {
        try (PageTester t = PageTester.of(st -> {
            st.json(Map.of("a", 1), false);
            st.json("{\"b\": [1, 2]}");
        }).run()) {
            assertThat(t.elementsOf(dev.springlit.element.Json.class)).extracting(j -> j.expanded()).containsExactly(false, true);
            assertThat(t.json(1).value()).contains("\"b\"").contains("1");
        }
    }

    @Test
    void imagesFromBytesBecomeDataUrlsAndUnsafeUrlsAreRefused() {
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>".getBytes(StandardCharsets.UTF_8);
        try (PageTester t = PageTester.of(st -> {
            st.image(svg, "a square");
            st.image("https://example.org/cat.png", null);
            st.image("javascript:alert(1)", null);
        }).run()) {
            assertThat(t.images()).hasSize(2);
            assertThat(t.images().get(0).src()).startsWith("data:image/svg+xml;base64,");
            assertThat(t.images().get(0).caption()).isEqualTo("a square");
            assertThat(t.exceptions()).singleElement().extracting(ExceptionInfo::message).asString()
                    .contains("only http(s) or same-site URLs");
        }
    }

    @Test
    void progressSpinnerStatusAndToastEndInTheirFinalState() {
        try (PageTester t = PageTester.of(st -> {
            ProgressBar bar = st.progress(0, "Loading");
            st.spinner("Working…", () -> {
                for (int i = 1; i <= 10; i++) {
                    bar.update(i * 10, "Loading " + i * 10 + "%");
                }
            });
            StatusContainer status = st.status("Downloading data…");
            status.write("Found 3 files");
            status.update("Download complete!", StatusContainer.State.COMPLETE, false);
            st.toast("Saved", "✅");
        }).run()) {
            assertThat(t.progress(0).percent()).isEqualTo(100);
            assertThat(t.progress(0).text()).isEqualTo("Loading 100%");
            assertThat(t.elementsOf(dev.springlit.element.Spinner.class)).as("the spinner is gone").isEmpty();
            assertThat(t.statuses()).singleElement().satisfies(b -> {
                assertThat(b.prop("label")).isEqualTo("Download complete!");
                assertThat(b.prop("state")).isEqualTo("complete");
            });
            assertThat(t.markdowns()).extracting(TextElement::value).contains("Found 3 files");
            assertThat(t.toasts()).singleElement().satisfies(toast -> assertThat(toast.text()).isEqualTo("Saved"));
        }
    }
}
