package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Locator;

/**
 * A newcomer walks the guide: every demo page in sidebar order, in one tab (one session, so pages share their
 * state as in real use). No page may greet them with an error or warning box, except the two pages that exist to
 * show one.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoWalkBrowserIT extends BrowserSupport {

    /** Pages whose purpose is to show one error: path → the text of that error. */
    private static final Map<String, String> MEANT_TO_FAIL = Map.of(
            "/button-state-error", "Values for the widget with key \"my_button\" cannot be set using SessionState.",
            "/serializable", "Cannot serialize the value (of type java.util.function.Function) of \"unserializable\"");

    private static final String BOXES = ".sl-alert-error, .sl-alert-warning, .sl-exception";

    @Test
    void everyDemoPageInSidebarOrderShowsNoErrorOrWarning() {
        open("/");
        List<String> paths = new ArrayList<>();
        for (Locator link : page.locator(".sl-nav a[data-sl-nav]").all()) {
            paths.add(link.getAttribute("href").substring(1)); // "./counter", relative to the shell's <base href>
        }
        assertThat(paths).as("the sidebar lists the demo pages").contains("/counter", "/counter-form", "/linked-units");
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            int before = finishedRuns();
            page.locator(".sl-nav a[data-sl-nav][href='." + path + "']").click();
            assertThat(page.locator("body")).hasAttribute("data-sl-page", path);
            if (!path.equals("/")) {
                awaitRunsAfter(before);
            }
            Locator boxes = page.locator(BOXES);
            String meant = MEANT_TO_FAIL.get(path);
            if (meant != null) {
                assertThat(boxes).hasCount(1);
                assertThat(boxes).containsText(meant);
                continue;
            }
            for (String text : boxes.allInnerTexts()) {
                problems.add(path + ": " + text.strip());
            }
        }
        assertThat(problems).as("error or warning boxes met on the walk").isEmpty();
    }
}
