package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.cache.CacheManager;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ScreenshotAnimations;

/** The sales dashboard in a real browser: progress while loading, charts drawn, a sortable table, light and dark. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardBrowserIT extends BrowserSupport {

    @Autowired
    CacheManager caches;

    @Test
    void theProgressBarAdvancesWhileTheDataLoadsTheFirstTime() {
        caches.getCache("sales").clear();
        page.navigate(url("/dashboard"));
        Locator bar = page.locator("#sl-main [role=progressbar]");
        assertThat(bar).hasAttribute("aria-valuenow", Pattern.compile("^([1-9]|[1-9][0-9])$"));
        assertThat(bar).hasAttribute("aria-valuenow", "100");
        awaitIdle();
        assertThat(page.locator("#sl-main .sl-progress")).containsText("cached after the first load");
    }

    @Test
    void chartsAreDrawnWithTheirData() {
        open("/dashboard");
        Locator charts = page.locator("#sl-main .sl-chart");
        assertThat(charts).hasCount(2);
        assertThat(charts.first()).hasAttribute("data-sl-chart-ready", "true");
        assertThat(charts.last()).hasAttribute("data-sl-chart-ready", "true");
        Object points = page.evaluate("() => { const c = document.querySelector('#sl-main .sl-chart canvas');"
                + " const chart = window.Chart && window.Chart.getChart(c);"
                + " return chart ? chart.data.datasets.reduce((n, d) => n + d.data.length, 0) : 0; }");
        assertThat(((Number) points).intValue()).as("data points in the line chart").isEqualTo(48);
    }

    @Test
    void theTableSortsWhenItsHeaderIsClicked() {
        open("/dashboard");
        Locator table = page.locator("#sl-main .sl-table[data-sl-table=interactive]");
        Locator header = table.locator("th[data-sl-col='2'] input.sl-sort");
        header.click();
        assertThat(table.locator("th[data-sl-col='2']")).hasAttribute("aria-sort", "ascending");
        List<Double> ascending = revenues(table);
        assertThat(ascending).isSorted();
        header.click();
        assertThat(table.locator("th[data-sl-col='2']")).hasAttribute("aria-sort", "descending");
        List<Double> descending = revenues(table);
        assertThat(descending.get(0)).isGreaterThanOrEqualTo(descending.get(descending.size() - 1));
        assertThat(table.locator(".sl-page-info")).containsText("of 48");
    }

    private static List<Double> revenues(Locator table) {
        return table.locator("tbody tr td:nth-child(3)").allTextContents().stream().map(Double::valueOf).toList();
    }

    @Test
    void theFiltersInTheSidebarNarrowTheData() {
        open("/dashboard");
        int before = finishedRuns();
        // the chips' text field is labelled "Regions" too: the select itself is the one to set
        page.locator("#sl-sidebar .sl-widget-multiselect select").selectOption(new String[] {"North"});
        awaitRunsAfter(before);
        assertThat(page.locator("#sl-main .sl-metric").nth(2)).containsText("North");
        assertThat(page.locator("#sl-main .sl-page-info")).containsText("of 12");
    }

    @Test
    void screenshotsInLightAndDark() throws Exception {
        Path dir = Paths.get("target", "screenshots");
        Files.createDirectories(dir);
        for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
            try (BrowserContext themed = browser.newContext(new Browser.NewContextOptions().setColorScheme(scheme)
                    .setViewportSize(1280, 900))) {
                Page p = themed.newPage();
                p.navigate(url("/dashboard"));
                assertThat(p.locator("body")).hasAttribute("data-sl-ready", "true");
                assertThat(p.locator("#sl-main .sl-chart").last()).hasAttribute("data-sl-chart-ready", "true");
                Path file = dir.resolve("dashboard-" + scheme.name().toLowerCase() + ".png");
                p.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true)
                        .setAnimations(ScreenshotAnimations.DISABLED));
                assertThat(file).isNotEmptyFile();
            }
        }
    }
}
