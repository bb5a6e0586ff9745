package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ScreenshotAnimations;

/**
 * The demo's counter pages in headless Chromium (Debian's, driven by Playwright), clicked like a person:
 * per-tab session state, the naive counter, callbacks with kwargs, sidebar navigation within one session,
 * refresh and a dropped connection keeping the count. Also writes a screenshot of every page to
 * {@code target/screenshots}.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class CounterBrowserIT extends BrowserSupport {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    // ---- helpers -----------------------------------------------------------------------------------------

    private static Locator button(Page p, String name) {
        return p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The "Count = N" line in the main body. */
    private static Locator count(Page p) {
        return p.locator("[data-sl-root='0'] .sl-markdown").filter(new Locator.FilterOptions().setHasText("Count ="));
    }

    private static void assertCount(Page p, int n) {
        assertThat(count(p)).hasText(Pattern.compile("^\\s*Count = " + n + "\\s*$"));
    }

    /** Clicks a button like a person and waits until the run it caused has finished. */
    private static void click(Page p, String name) {
        int before = finishedRuns(p);
        button(p, name).click();
        assertThat(p.locator("body")).hasAttribute("data-sl-runs", String.valueOf(before + 1));
        assertThat(p.locator("body")).hasAttribute("data-sl-running", "false");
        assertThat(p.locator("body")).hasAttribute("data-sl-status", "ok");
    }

    private static String sessionId(Page p) {
        return (String) p.evaluate("() => sessionStorage.getItem('springlit.session')");
    }

    // ---- tests -------------------------------------------------------------------------------------------

    @Test
    void counterCountsEveryClick() {
        open(page, url("/counter"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Counter Example")))
                .isVisible();
        assertCount(page, 0);

        for (int n = 1; n <= 3; n++) {
            click(page, "Increment");
            assertCount(page, n);
        }
        assertThat(page).hasTitle("Counter");
    }

    @Test
    void everyTabHasItsOwnCount() {
        open(page, url("/counter"));
        click(page, "Increment");
        click(page, "Increment");
        click(page, "Increment");
        assertCount(page, 3);

        // Another tab of the same browser profile: its own sessionStorage, so its own session.
        Page sameProfile = newPage(context);
        open(sameProfile, url("/counter"));
        assertCount(sameProfile, 0);

        // Another browser profile altogether.
        BrowserContext other = newContext();
        try {
            Page otherTab = newPage(other);
            open(otherTab, url("/counter"));
            assertCount(otherTab, 0);
            click(otherTab, "Increment");
            assertCount(otherTab, 1);
            assertThat(sessionId(otherTab)).isNotEqualTo(sessionId(page));
        } finally {
            other.close();
        }
        assertThat(sessionId(sameProfile)).isNotEqualTo(sessionId(page));

        // The first tab was not touched by the others.
        assertCount(page, 3);
        click(page, "Increment");
        assertCount(page, 4);
    }

    @Test
    void naiveCounterNeverGetsPastOne() {
        open(page, url("/naive-counter"));
        assertCount(page, 0);
        for (int i = 0; i < 3; i++) {
            click(page, "Increment");
            assertCount(page, 1);
        }
    }

    @Test
    void kwargsCallbacksAddFiveAndTakeOne() {
        open(page, url("/counter-kwargs"));
        assertCount(page, 0);
        click(page, "Increment");
        assertCount(page, 5);
        click(page, "Decrement");
        assertCount(page, 4);
    }

    @Test
    void sidebarNavigationKeepsTheSession() {
        open(page, url("/counter"));
        click(page, "Increment");
        click(page, "Increment");
        assertCount(page, 2);
        String session = sessionId(page);
        page.evaluate("() => { window.notReloaded = true; }");

        int before = finishedRuns(page);
        page.locator("aside").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Counter with callbacks"))
                .click();
        assertThat(page).hasURL(url("/counter-callbacks"));
        assertThat(page.locator("body")).hasAttribute("data-sl-runs", String.valueOf(before + 1));
        assertThat(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Counter Example using Callbacks"))).isVisible();
        assertCount(page, 2);
        assertThat(page).hasTitle("Counter with callbacks");
        assertThat(page.locator("aside a[aria-current='page']")).containsText("Counter with callbacks");

        assertThat(page.evaluate("() => window.notReloaded === true")).as("the page was not reloaded").isEqualTo(true);
        assertThat(sessionId(page)).isEqualTo(session);

        click(page, "Increment");
        assertCount(page, 3);

        // Back goes to the previous page of the same session, which shares the count.
        page.goBack();
        assertThat(page).hasURL(url("/counter"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Counter Example").setExact(true)))
                .isVisible();
        assertCount(page, 3);
        awaitIdle(page);
        assertThat(page.evaluate("() => window.notReloaded === true")).as("the page was not reloaded").isEqualTo(true);
        click(page, "Increment");
        assertCount(page, 4);
    }

    @Test
    void duplicatedTabGetsItsOwnSession() {
        open(page, url("/counter"));
        click(page, "Increment");
        click(page, "Increment");
        String session = sessionId(page);

        // Duplicating a tab copies its sessionStorage (and so the session id) into a tab that never unloaded.
        Page duplicate = newPage(context);
        duplicate.addInitScript("sessionStorage.setItem('springlit.session', " + jsString(session) + ")");
        open(duplicate, url("/counter"));
        assertCount(duplicate, 0);
        assertThat(sessionId(duplicate)).isNotEqualTo(session);

        // The original tab keeps its session and its connection.
        assertThat(page.locator("body")).hasAttribute("data-sl-connection", "connected");
        assertCount(page, 2);
        click(page, "Increment");
        assertCount(page, 3);
        click(duplicate, "Increment");
        assertCount(duplicate, 1);
    }

    private static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void refreshKeepsTheCount() {
        open(page, url("/counter"));
        click(page, "Increment");
        click(page, "Increment");
        assertCount(page, 2);
        String session = sessionId(page);

        page.reload();
        awaitIdle(page);
        assertCount(page, 2);
        assertThat(sessionId(page)).isEqualTo(session);

        click(page, "Increment");
        assertCount(page, 3);
    }

    @Test
    void droppedConnectionReconnectsAndKeepsTheCount() {
        open(page, url("/counter"));
        click(page, "Increment");
        click(page, "Increment");
        assertCount(page, 2);
        String session = sessionId(page);

        page.evaluate("() => { window.droppedSocket = window.springlit.socket; window.springlit.socket.close(); }");
        page.waitForFunction("() => { const s = window.springlit.socket; return s !== null && s !== window.droppedSocket"
                + " && s.readyState === WebSocket.OPEN && document.body.dataset.slConnection === 'connected'"
                + " && window.springlit.state.session !== null; }");
        awaitIdle(page);
        assertCount(page, 2);
        assertThat(sessionId(page)).isEqualTo(session);

        // The reattached page may still be on its way (it counts as a finished run too), so this click waits
        // for the count itself rather than for the run counter.
        button(page, "Increment").click();
        assertCount(page, 3);
        awaitIdle(page);
        click(page, "Increment");
        assertCount(page, 4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "home, /",
            "naive-counter, /naive-counter",
            "counter, /counter",
            "counter-callbacks, /counter-callbacks",
            "counter-kwargs, /counter-kwargs",
            "counter-args, /counter-args",
            "celsius, /celsius",
            "linked-units, /linked-units",
            "button-state-error, /button-state-error",
            "widgets, /widgets",
    })
    void screenshot(String name, String path) throws Exception {
        open(page, url(path));
        if (page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Increment").setExact(true)).count() > 0) {
            click(page, "Increment"); // a counter page is shown after one click
        }
        assertThat(page.locator("aside a[aria-current='page']")).hasCount(1);
        page.mouse().move(1200, 780); // no hover effect in the picture
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true)
                .setAnimations(ScreenshotAnimations.DISABLED));
        assertThat(file).isNotEmptyFile();
    }
}
