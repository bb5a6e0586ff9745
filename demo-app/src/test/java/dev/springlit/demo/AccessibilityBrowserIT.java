package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * What a screen reader is told (Playwright's accessibility snapshot, as Chromium exposes the page): named progress
 * bars, slider thumbs and charts with their data, a download button that is a button, options without decoration,
 * a skip link; and user text in its own direction.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserIT extends BrowserSupport {

    @Test
    void widgetsAreNamedAsTheyShouldBeRead() {
        open("/widgets");
        String range = page.locator(".sl-widget-range_slider").ariaSnapshot();
        assertThat(range).contains("slider \"Range (start)\"", "slider \"Range (end)\"");
        String download = page.locator(".sl-download").ariaSnapshot();
        assertThat(download).contains("button \"Download a greeting\"");
        String regions = page.locator(".sl-widget-multiselect").first().ariaSnapshot();
        assertThat(regions).doesNotContain("✓");
        assertThat(page.locator(".sl-skip-link")).hasText("Skip to main content");
        assertThat(page.locator("body").ariaSnapshot()).contains("link \"Skip to main content\"");
        Locator colour = page.getByLabel("Colour", new Page.GetByLabelOptions().setExact(true));
        assertThat(colour).hasAttribute("aria-roledescription", "colour picker");
        assertThat(colour).hasAccessibleDescription("#ff4b4b");
        page.locator(".sl-download").focus();
        assertThat(page.locator(".sl-download")).hasAttribute("role", "button");
    }

    @Test
    void progressBarsAndChartsAreNamedAndChartsHaveTheirData() {
        open("/dashboard");
        assertThat(page.locator(".sl-chart[data-sl-chart-ready='true']").first()).isVisible();
        String progress = page.locator(".sl-progress").first().ariaSnapshot();
        assertThat(progress).containsPattern("progressbar \"Loaded \\d+ rows");
        Locator chart = page.locator(".sl-chart").first();
        assertThat(chart.ariaSnapshot()).containsPattern("img \"line chart: [^\"]+\"");
        assertThat(chart.locator("table.sl-chart-data")).hasCount(1);
        assertThat(chart.locator("table.sl-chart-data tr").count()).as("a header and rows of data").isGreaterThan(2);
    }

    @Test
    void userTextTakesItsOwnDirection() {
        open("/widgets");
        Locator paragraphs = page.locator("#sl-main .sl-markdown p");
        assertThat(paragraphs.first()).hasAttribute("dir", "auto");
        Object direction = page.evaluate("""
                () => {
                  const p = document.querySelector('#sl-main .sl-markdown p');
                  p.textContent = 'مرحبا بالعالم';
                  return getComputedStyle(p).direction;
                }
                """);
        assertThat(direction).isEqualTo("rtl");
    }

    @Test
    void theMultiselectShowsChipsAndIsDrivenByKeyboard() {
        open("/widgets");
        Locator widget = page.locator(".sl-widget-multiselect").first();
        Locator chips = widget.locator(".ts-control .item");
        assertThat(chips).hasCount(1);
        assertThat(chips).containsText("North");
        Locator field = widget.getByRole(com.microsoft.playwright.options.AriaRole.COMBOBOX);
        assertThat(field).hasAccessibleName("Regions");
        int before = finishedRuns();
        field.focus();
        page.keyboard().type("Sou");
        page.keyboard().press("Enter");
        awaitRunsAfter(before);
        assertThat(page.locator("#sl-main")).containsText("multiselect: North, South");
        assertThat(widget.locator(".ts-control .item")).hasCount(2);
        before = finishedRuns();
        widget.locator(".ts-control .item").first().locator(".remove").click();
        awaitRunsAfter(before);
        assertThat(page.locator("#sl-main")).containsText("multiselect: South");
        assertThat(widget.locator(".ts-control .item")).hasCount(1);
    }
}
