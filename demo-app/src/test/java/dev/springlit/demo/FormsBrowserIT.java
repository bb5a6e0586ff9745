package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Forms in a real browser: edits send nothing until submit; Enter submits; clearOnSubmit empties the form. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class FormsBrowserIT extends BrowserSupport {

    private Locator main() {
        return page.locator("#sl-main");
    }

    @Test
    void typingInAFormRunsNothingUntilUpdateThenCountAndTimeChangeTogether() {
        open("/counter-form");
        assertThat(main()).containsText("Current Count = 0");
        int runs = finishedRuns();
        page.getByLabel("Enter a value").fill("5");
        page.getByLabel("Enter a value").blur();
        page.getByLabel("Enter the time").fill("10:45");
        page.getByLabel("Enter the time").blur();
        // a run would have reported itself by now if the edits had been sent; give them a real chance to go out
        page.waitForTimeout(300);
        assertThat(finishedRuns()).as("no run for edits inside a form").isEqualTo(runs);
        assertThat(main()).containsText("Current Count = 0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update")).click();
        assertThat(main()).containsText("Current Count = 5");
        assertThat(main()).containsText("Last Updated = 10:45");
    }

    @Test
    void enterInTheFormsNumberInputSubmitsIt() {
        open("/counter-form");
        Locator value = page.getByLabel("Enter a value");
        value.fill("3");
        value.press("Enter");
        assertThat(main()).containsText("Current Count = 3");
        value.fill("4");
        value.press("Enter");
        assertThat(main()).containsText("Current Count = 7");
    }

    @Test
    void aFormThatClearsOnSubmitEmptiesItsInputAndListsTheItem() {
        open("/form-clear");
        Locator item = page.getByLabel("New item");
        item.fill("buy milk");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add")).click();
        assertThat(main()).containsText("buy milk");
        assertThat(item).hasValue("");
        item.fill("walk the dog");
        item.press("Enter");
        assertThat(main().locator(".sl-markdown li")).hasCount(2);
        assertThat(item).hasValue("");
    }
}
