package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTML the browser gets for the demo dashboard, byte for byte: the page after its first run, after the
 * Regions filter narrows it to North, and after it is widened again, compared with the golden files in
 * {@code src/test/resources/golden/}. Metrics, both charts' Chart.js configurations, the data frame's header and
 * rows, the raw JSON and the sidebar's widgets are all in them, so a change to how tables, charts or numbers are
 * built or rendered shows here as a diff. The golden files were written from the output of main at 62c8497
 * (before the dashboard's allocation work); {@code -Dgolden.write=src/test/resources/golden} writes them again.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardOutputIT {

    private static final Duration FIRST_RUN = Duration.ofSeconds(30);
    private static final Pattern CHART_CONFIG = Pattern.compile(
            "(<script type=\"application/json\" class=\"sl-chart-config\">)(.*?)(</script>)");
    private static final JsonMapper SORTED = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final Pattern WIDGET = Pattern.compile("data-sl-widget=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void theDashboardSendsTheSameHtmlForItsFirstRunAndForEachFilterChange() throws IOException {
        try (StreamClient tab = StreamClient.connect(port)) {
            tab.hello(null, "/dashboard", false);
            tab.awaitType("session");
            assertThat(tab.awaitRunEnd(FIRST_RUN).path("status").asString()).isEqualTo("ok");
            Map<String, String> screens = new LinkedHashMap<>();
            screens.put("dashboard-all-regions.html", page(tab));

            String regions = multiselectId(tab.screen(1));
            filter(tab, regions, "[0]");
            screens.put("dashboard-north.html", page(tab));
            filter(tab, regions, "[0,1,2,3]");
            screens.put("dashboard-all-regions-again.html", page(tab));

            String writeTo = System.getProperty("golden.write", "");
            for (Map.Entry<String, String> screen : screens.entrySet()) {
                if (!writeTo.isEmpty()) {
                    Files.writeString(Path.of(writeTo, screen.getKey()), screen.getValue(), StandardCharsets.UTF_8);
                }
            }
            for (Map.Entry<String, String> screen : screens.entrySet()) {
                assertThat(screen.getValue()).as(screen.getKey()).isEqualTo(golden(screen.getKey()));
            }
            assertThat(screens.get("dashboard-all-regions-again.html"))
                    .as("widening the filter again shows the first page")
                    .isEqualTo(screens.get("dashboard-all-regions.html"));
        }
    }

    private static void filter(StreamClient tab, String regions, String chosen) {
        tab.sendRaw("{\"type\":\"rerun\",\"widgets\":{\"" + regions + "\":" + chosen + "},\"trigger\":null}");
        JsonNode end = tab.awaitRunEnd();
        assertThat(end.path("status").asString()).as("run after choosing %s", chosen).isEqualTo("ok");
    }

    /**
     * What the tab shows, main body then sidebar, one element a line, with the charts' configurations read as JSON
     * and written with their keys sorted: before this test they were built from Map.of(), whose order changes from
     * one JVM to the next, so only their content (and the escaping around it) can be pinned.
     */
    private static String page(StreamClient tab) {
        String html = "== main ==\n" + tab.screen(0) + "\n== sidebar ==\n" + tab.screen(1) + "\n";
        Matcher m = CHART_CONFIG.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String json = SORTED.writeValueAsString(SORTED.readValue(m.group(2), Object.class)).replace("<", "\\u003c");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + json + m.group(3)));
        }
        return m.appendTail(out).toString();
    }

    private static String multiselectId(String sidebar) {
        for (String line : List.of(sidebar.split("\n"))) {
            Matcher m = WIDGET.matcher(line);
            if (line.contains("data-sl-kind=\"multiselect\"") && m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("No multiselect in the sidebar: " + sidebar);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DashboardOutputIT.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
