package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ScreenshotAnimations;

/**
 * Issue 17's fragments and dialogs in a real browser on the demo's {@code /fragments}: what reruns (the page-level
 * counter and the slow section's time tell a page run from a fragment run), the timed fragment that updates by
 * itself and stops once its tab has gone (the price feed's server-side call count), and the dialogs (open, save,
 * close, Escape; one that may not be dismissed).
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class FragmentsBrowserIT extends BrowserSupport {

    private static final Pattern NUMBER = Pattern.compile("(\\d+)");
    /** Longer than the price fragment's interval (2 s) with room for a run started just before. */
    private static final long QUIET_MILLIS = 5_000;

    @Autowired
    PriceFeed feed;

    private Locator metric(String label) {
        return page.locator("#sl-main .sl-metric").filter(new Locator.FilterOptions().setHasText(label))
                .locator(".sl-metric-value");
    }

    private Locator caption(String start) {
        return page.locator("#sl-main .sl-caption").filter(new Locator.FilterOptions().setHasText(start));
    }

    private static int number(Locator locator) {
        Matcher m = NUMBER.matcher(locator.textContent());
        assertThat(m.find()).as("a number in %s", locator.textContent()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator dialog() {
        return page.locator("#sl-main dialog[open]");
    }

    @Test
    void s10_1_anInteractionInsideAFragmentRerunsOnlyThatFragment() {
        open("/fragments");
        assertThat(metric("Page runs")).hasText("1");
        String computedAt = metric("Slow section computed at").textContent();
        assertThat(caption("Holdings runs")).hasText("Holdings runs: 1");

        page.locator("#sl-main [data-sl-fragment=holdings] select").selectOption("GLOBEX");
        assertThat(caption("Holdings runs")).hasText("Holdings runs: 2");
        Locator minimum = page.getByLabel("At least (shares)");
        minimum.focus();
        minimum.press("ArrowRight");
        assertThat(caption("Holdings runs")).hasText("Holdings runs: 3");
        assertThat(page.locator("#sl-main [data-sl-fragment=holdings] tbody tr").first()).containsText("GLOBEX");

        assertThat(metric("Page runs")).hasText("1");
        assertThat(metric("Slow section computed at")).hasText(computedAt);

        // an interaction outside every fragment reruns the page, fragments included
        button("Edit item").click();
        assertThat(metric("Page runs")).hasText("2");
        assertThat(caption("Holdings runs")).hasText("Holdings runs: 4");
    }

    @Test
    void s10_2_theTimedFragmentUpdatesWithoutAClickAndStopsWhenItsTabNavigatesAway() throws Exception {
        open("/fragments");
        int first = number(caption("Chart updates"));
        assertThat(caption("Chart updates")).containsText("Chart updates: " + (first + 2));
        assertThat(metric("Page runs")).hasText("1");
        assertThat(page.locator("#sl-main [data-sl-fragment=prices] .sl-chart")).hasAttribute("data-sl-chart-ready", "true");

        page.locator("a[data-sl-nav][href$='counter']").first().click();
        assertThat(page.locator("#sl-main")).containsText("Count = 0");
        assertQuiet();
    }

    @Test
    void s10_2_theTimedFragmentStopsWhenItsTabCloses() throws Exception {
        open("/fragments");
        int first = number(caption("Chart updates"));
        assertThat(caption("Chart updates")).containsText("Chart updates: " + (first + 1));
        context.close();
        context = null;
        assertQuiet();
    }

    /** The price feed is asked nothing more: a run that had started may still end, then nothing follows. */
    private void assertQuiet() throws InterruptedException {
        Thread.sleep(QUIET_MILLIS / 2);
        long settled = feed.calls();
        Thread.sleep(QUIET_MILLIS);
        assertThat(feed.calls()).as("price feed calls %d s after the fragment left", QUIET_MILLIS / 1000)
                .isEqualTo(settled);
    }

    @Test
    void s10_5_theEditDialogOpensSavesAndCloses() throws Exception {
        open("/fragments");
        button("Edit item").click();
        assertThat(dialog()).isVisible();
        assertThat(dialog().locator(".sl-dialog-title")).hasText("Edit item");
        assertThat(dialog().locator(".sl-dialog-close")).isVisible();
        assertThat(dialog()).hasClass(java.util.regex.Pattern.compile("\\bsl-dialog-small\\b"));
        assertThat(dialog().boundingBox().width).as("a small dialog's width").isBetween(495.0, 505.0);
        Locator name = dialog().getByLabel("Name");
        assertThat(name).isFocused();
        Path shot = Paths.get("target", "screenshots", "fragments-edit-dialog.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setAnimations(ScreenshotAnimations.DISABLED));
        assertThat(shot).isNotEmptyFile();
        name.fill("Floor lamp");
        // the price fragment's timer redraws the page behind the dialog: what is typed and the focus stay
        int updates = number(caption("Chart updates"));
        assertThat(caption("Chart updates")).containsText("Chart updates: " + (updates + 1));
        assertThat(name).isFocused();
        assertThat(name).hasValue("Floor lamp");
        name.press("Enter");
        dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(dialog()).hasCount(0);
        assertThat(page.locator("#sl-main")).containsText("Floor lamp at $39.00");
        assertThat(button("Edit item")).isFocused();
    }

    @Test
    void s10_5_onAPhoneTheDialogTakesTheWholeWidth() {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page tab = newPage(phone);
            open(tab, url("/fragments"));
            tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit item").setExact(true)).click();
            Locator shown = tab.locator("#sl-main dialog[open]");
            assertThat(shown).isVisible();
            assertThat(shown.boundingBox().width).as("the dialog's width on a 390 px screen").isBetween(385.0, 391.0);
        }
    }

    @Test
    void s10_5_escapeDismissesTheDialogAndReturnsTheFocus() {
        open("/fragments");
        button("Edit item").click();
        assertThat(dialog()).isVisible();
        int pageRuns = number(metric("Page runs"));
        page.keyboard().press("Escape");
        assertThat(dialog()).hasCount(0);
        assertThat(button("Edit item")).isFocused();
        // the dismissal reruns the page, which does not open the dialog again
        assertThat(metric("Page runs")).hasText(String.valueOf(pageRuns + 1));
        awaitIdle();
        assertThat(dialog()).hasCount(0);
        assertThat(page.locator("#sl-main")).containsText("Desk lamp at $39.00");
    }

    @Test
    void s10_5_aDialogThatIsNotDismissibleIgnoresEscapeAndClicksOutside() {
        open("/fragments");
        button("Delete item").click();
        assertThat(dialog()).isVisible();
        assertThat(dialog().locator(".sl-dialog-close")).hasCount(0);
        page.keyboard().press("Escape");
        page.keyboard().press("Escape");
        page.mouse().click(5, 5);
        assertThat(dialog()).isVisible();
        dialog().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep it")).click();
        assertThat(dialog()).hasCount(0);
        assertThat(page.locator("#sl-main")).containsText("Desk lamp at $39.00");
    }
}
