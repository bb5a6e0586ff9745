package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

/**
 * What the user sees while runs go on: stale output fades and takes no clicks, the old page never shows under
 * the new title, and Stop (button and app menu) ends a long run at once. Timings are measured in the browser.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "springlit-test.slow-page=true")
class TransitionsBrowserIT extends BrowserSupport {

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private double opacity(Locator element) {
        return ((Number) element.evaluate("el => Number(getComputedStyle(el.closest('.sl-el')).opacity)")).doubleValue();
    }

    @Test
    void whatARunHasNotRedrawnYetFadesAndTakesNoClicks() {
        open("/test-slow");
        Locator below = button("Below");
        BoundingBox box = below.boundingBox();
        button("Long run").click();
        assertThat(page.locator("body")).hasAttribute("data-sl-running", "true");
        assertThat(below.locator("xpath=ancestor::*[@data-sl-stale][1]")).hasAttribute("data-sl-stale", "faded");
        page.waitForTimeout(400); // the fade's transition
        assertThat(opacity(below)).as("not redrawn yet: faded").isLessThan(0.5);
        assertThat(opacity(page.getByText("Slow page"))).as("redrawn: as it is").isEqualTo(1.0);
        page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
        page.waitForTimeout(300); // a click that got through would have started a run
        assertThat(page.locator("body")).hasAttribute("data-sl-running", "true");
        assertThat(stopAndMeasure("button")).isLessThan(1000);
        button("Go").click();
        awaitIdle();
        assertThat(page.locator("#sl-main")).containsText("below=0"); // the faded click did nothing
        assertThat(page.locator("[data-sl-stale]")).hasCount(0);
        assertThat(opacity(below)).isEqualTo(1.0);
    }

    @Test
    void afterAPageSwitchTheOldPagesElementsNeverShowUnderTheNewTitle() {
        open("/test-slow");
        // every animation frame: is an element of the old page visible while the new page's title is shown?
        page.evaluate("""
                () => {
                  window.__seen = [];
                  const started = performance.now();
                  const look = () => {
                    const t = Math.round(performance.now() - started);
                    const old = [...document.querySelectorAll('#sl-main .sl-el')]
                      .filter((el) => el.checkVisibility() && /Long run|Below|below=/.test(el.textContent));
                    window.__seen.push({ t, title: document.title, old: old.length });
                    if (t < 3000) requestAnimationFrame(look);
                  };
                  requestAnimationFrame(look);
                }
                """);
        page.locator(".sl-nav a[href='./counter']").click();
        assertThat(page.locator("#sl-main")).containsText("Count = ");
        page.waitForTimeout(300);
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> frames = (List<java.util.Map<String, Object>>) page.evaluate("() => window.__seen");
        List<java.util.Map<String, Object>> wrong = frames.stream()
                .filter(f -> "Counter".equals(f.get("title")) && ((Number) f.get("old")).intValue() > 0).toList();
        assertThat(frames).as("frames sampled").hasSizeGreaterThan(5);
        assertThat(frames).as("the new title was shown").anyMatch(f -> "Counter".equals(f.get("title")));
        assertThat(wrong).as("frames (ms after the click) with the old page under the new title").isEmpty();
        System.out.println("TransitionsBrowserIT: " + frames.size() + " frames sampled, first with the new title at "
                + frames.stream().filter(f -> "Counter".equals(f.get("title"))).findFirst().map(f -> f.get("t"))
                        .orElse("?") + " ms, none with the old page under it");
    }

    /** Clicks Stop in the browser and returns the ms until the tab shows the run ended. */
    private double stopAndMeasure(String how) {
        return ((Number) page.evaluate("""
                (how) => new Promise((resolve) => {
                  const started = performance.now();
                  const done = new MutationObserver(() => {
                    if (document.body.dataset.slRunning === 'false') {
                      done.disconnect();
                      resolve(performance.now() - started);
                    }
                  });
                  done.observe(document.body, { attributes: true, attributeFilter: ['data-sl-running'] });
                  if (how === 'button') {
                    document.querySelector('#sl-running .sl-stop').click();
                  } else {
                    document.querySelector('.sl-menu-button').click();
                    document.querySelector('[data-sl-menu="stop"]').click();
                  }
                })
                """, how)).doubleValue();
    }

    @Test
    void theStopButtonEndsATenSecondRunWithinOneSecond() {
        open("/test-slow");
        Locator stop = page.locator("#sl-running .sl-stop");
        assertThat(stop).isHidden();
        button("Long run").click();
        assertThat(stop).isVisible();
        assertThat(page.getByText("pausing 10 s")).isVisible(); // the run waits in the page now
        double elapsed = stopAndMeasure("button");
        System.out.printf("TransitionsBrowserIT: Stop ended the 10 s run after %.0f ms%n", elapsed);
        assertThat(elapsed).as("ms from Stop to the run's end").isLessThan(1000);
        assertThat(page.locator("body")).hasAttribute("data-sl-status", "stopped");
        assertThat(stop).isHidden();
        button("Go").click();
        assertThat(page.locator("#sl-main")).containsText("below=0"); // the session goes on
        button("Below").click();
        assertThat(page.locator("#sl-main")).containsText("below=1");
    }

    @Test
    void theAppMenuStopsRerunsAndRemembersTheTheme() {
        open("/test-slow");
        button("Long run").click();
        assertThat(page.locator("body")).hasAttribute("data-sl-running", "true");
        assertThat(stopAndMeasure("menu")).isLessThan(1000);
        assertThat(page.locator("body")).hasAttribute("data-sl-status", "stopped");

        int runs = finishedRuns();
        page.locator(".sl-menu-button").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Rerun")).click();
        awaitRunsAfter(runs);

        Locator html = page.locator("html");
        assertThat(html).hasAttribute("data-sl-theme", "light");
        page.locator(".sl-menu-button").click();
        page.getByRole(AriaRole.MENUITEMRADIO, new Page.GetByRoleOptions().setName("Dark")).click();
        assertThat(html).hasAttribute("data-sl-theme", "dark");
        assertThat(page.locator("body")).hasCSS("background-color", "rgb(14, 17, 23)");
        page.reload();
        awaitIdle();
        assertThat(html).hasAttribute("data-sl-theme", "dark"); // remembered in this browser

        page.locator(".sl-menu-button").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("About")).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("About Springlit");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).isHidden();
    }
}
