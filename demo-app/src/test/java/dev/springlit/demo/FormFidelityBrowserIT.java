package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** S6.1 Enter-to-submit and S6.2 clear-on-submit as the browser does them, on {@link FormFidelityTestPage}. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "springlit-test.form-page=true")
class FormFidelityBrowserIT extends BrowserSupport {

    private Locator main() {
        return page.locator("#sl-main");
    }

    private Locator hintOf(String label) {
        return page.locator(".sl-widget").filter(new Locator.FilterOptions().setHas(page.getByLabel(label)))
                .locator(".sl-input-hint");
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void S6_1_enterSubmitsOnlyThroughTheFormsFirstSubmitButtonWhenItIsEnabled() {
        open("/test-forms");
        Locator note = page.getByLabel("Note");
        note.fill("hello");
        assertThat(hintOf("Note")).hasText(""); // no hint: Enter does not submit this form
        int runs = finishedRuns();
        note.press("Enter");
        page.waitForTimeout(500); // a submit would have started a run by now
        assertThat(finishedRuns()).as("the first submit button is disabled: Enter does nothing").isEqualTo(runs);
        assertThat(main()).containsText("submits=0");
        button("Also send").click();
        assertThat(main()).containsText("submits=1");

        Locator amount = page.getByLabel("Amount");
        amount.fill("7");
        assertThat(hintOf("Amount")).hasText("Press Enter to submit form");
        assertThat(hintOf("Amount")).isVisible();
        amount.press("Enter");
        assertThat(main()).containsText("amount=7");
    }

    @Test
    void S6_1_anInputOutsideAFormSaysPressEnterToApply() {
        open("/widgets");
        Locator text = page.locator(".sl-widget-text_input").first().locator("input");
        text.fill("typed");
        assertThat(page.locator(".sl-widget-text_input").first().locator(".sl-input-hint")).hasText("Press Enter to apply");
    }

    @Test
    void S6_2_theSubmitRunsOutputStaysAndTheFormShowsItsDefaultsAsPendingEdits() {
        open("/test-forms");
        Locator name = page.getByLabel("Name");
        name.fill("abc");
        button("Save").click();
        assertThat(main().locator(".sl-alert-success").filter(new Locator.FilterOptions().setHasText("Saved abc")))
                .isVisible();
        assertThat(main()).containsText("v=[abc]");
        assertThat(name).hasValue("");
        page.waitForTimeout(500); // an extra run to clear the form would have replaced the output by now
        assertThat(main()).containsText("Saved abc");
        assertThat(main()).containsText("v=[abc]");

        button("Refresh").click();
        assertThat(main()).containsText("v=[abc]"); // a rerun outside the form still reports the submitted value
        assertThat(main()).not().containsText("Saved abc");
        assertThat(name).hasValue(""); // the cleared field stays as it is
        button("Save").click();
        assertThat(main()).containsText("v=[]"); // the next submit sends the default
        assertThat(main()).containsText("Saved ");
    }

    @Test
    void S6_2_aClearedFormsUploaderShowsNoFileAndTheNextSubmitSendsNone() throws Exception {
        open("/test-forms");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("note", ".txt");
        java.nio.file.Files.writeString(file, "hello");
        Locator uploader = page.locator(".sl-widget-file_uploader");
        page.getByLabel("Attachment").setInputFiles(file);
        assertThat(uploader).not().hasAttribute("data-sl-uploading", "");
        page.waitForTimeout(300); // the upload's answer is handled after the attribute goes
        button("Save").click();
        assertThat(main()).containsText("with " + file.getFileName());
        assertThat(uploader.locator("[data-sl-file]:visible")).hasCount(0);
        button("Save").click();
        assertThat(main()).containsText("without a file");
    }
}
