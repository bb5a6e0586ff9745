package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

/** The widget demo pages in headless Chromium, used with mouse and keyboard like a person would. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class WidgetsBrowserIT extends BrowserSupport {

    private static final com.microsoft.playwright.Page.GetByLabelOptions EXACT =
            new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true);

    private Locator mainText(String text) {
        return page.locator("#sl-main .sl-markdown", new com.microsoft.playwright.Page.LocatorOptions().setHasText(text));
    }

    @Test
    void movingTheCelsiusSliderChangesThePrintedValue() {
        open("/celsius");
        assertThat(page.locator("#sl-main .sl-markdown").last()).hasText("50.0");
        Locator slider = page.getByLabel("Temperature in Celsius");
        int before = finishedRuns();
        slider.focus();
        slider.press("End");
        awaitRunsAfter(before);
        assertThat(page.locator("#sl-main .sl-markdown").last()).hasText("100.0");
        assertThat(page.locator(".sl-slider-value").first()).containsText("100");
    }

    /** The select_slider kind (issue 13's proof of a one-drawer, one-template, one-JS-entry widget). */
    @Test
    void aSelectSliderMovesOverItsOptionsAndShowsTheOptionLabel() {
        open("/widgets");
        assertThat(mainText("selectSlider:")).hasText("selectSlider: M");
        Locator range = page.locator(".sl-widget-select_slider", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Opening hours"));
        assertThat(range.locator(".sl-slider-value")).hasText("10:00 – 14:00");
        Locator slider = page.getByLabel("T-shirt size", EXACT);
        int before = finishedRuns();
        slider.focus();
        slider.press("End");
        awaitRunsAfter(before);
        assertThat(mainText("selectSlider:")).hasText("selectSlider: XL");
        Locator widget = page.locator(".sl-widget-select_slider", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("T-shirt size"));
        assertThat(widget.locator(".sl-slider-value")).hasText("XL");
    }

    /** st.pills (issue 13: a new widget is one drawer method with its codec, one template and one JS entry). */
    @Test
    void singlePillsChooseOneOptionAndClickingTheChosenOneAgainChoosesNone() {
        open("/widgets");
        assertThat(mainText("pills:").first()).hasText("pills: null");
        Locator zoomIn = pill("Zoom in");
        int before = finishedRuns();
        zoomIn.click();
        awaitRunsAfter(before);
        assertThat(mainText("pills:").first()).hasText("pills: Zoom in");
        assertThat(zoomIn).isChecked();

        before = finishedRuns();
        pill("Add").click();
        awaitRunsAfter(before);
        assertThat(mainText("pills:").first()).hasText("pills: Add");
        assertThat(pill("Add")).isChecked();
        assertThat(zoomIn).not().isChecked();

        before = finishedRuns();
        pill("Add").click();
        awaitRunsAfter(before);
        assertThat(mainText("pills:").first()).hasText("pills: null");
        assertThat(pill("Add")).not().isChecked();
    }

    @Test
    void multiplePillsToggleEachOptionByMouseAndKeyboard() {
        open("/widgets");
        assertThat(mainText("pillsMultiple:")).hasText("pillsMultiple: North");
        int before = finishedRuns();
        pill("West").click();
        awaitRunsAfter(before);
        assertThat(mainText("pillsMultiple:")).hasText("pillsMultiple: North, West");

        before = finishedRuns();
        pill("East").focus();
        pill("East").press("Space");
        awaitRunsAfter(before);
        assertThat(mainText("pillsMultiple:")).hasText("pillsMultiple: North, East, West");
        assertThat(pill("North")).isChecked();
    }

    @Test
    void aSegmentedControlChoosesOneOfItsJoinedButtons() {
        open("/widgets");
        assertThat(mainText("segmentedControl:")).hasText("segmentedControl: Week");
        Locator month = page.locator(".sl-widget-segmented_control").getByRole(AriaRole.CHECKBOX,
                new Locator.GetByRoleOptions().setName("Month").setExact(true));
        int before = finishedRuns();
        month.click();
        awaitRunsAfter(before);
        assertThat(mainText("segmentedControl:")).hasText("segmentedControl: Month");
        assertThat(page.locator(".sl-widget-segmented_control input:checked")).hasCount(1);
    }

    private Locator pill(String option) {
        return page.locator(".sl-widget-pills").getByRole(AriaRole.CHECKBOX,
                new Locator.GetByRoleOptions().setName(option).setExact(true));
    }

    @Test
    void linkedUnitsFollowEachOther() {
        open("/linked-units");
        int before = finishedRuns();
        Locator celsius = page.getByLabel("Celsius", EXACT);
        celsius.fill("100");
        celsius.press("Enter");
        awaitRunsAfter(before);
        assertThat(page.getByLabel("Fahrenheit", EXACT))
                .hasValue(Pattern.compile("^212(\\.0+)?$"));
        before = finishedRuns();
        Locator fahrenheit = page.getByLabel("Fahrenheit", EXACT);
        fahrenheit.fill("32");
        fahrenheit.press("Enter");
        awaitRunsAfter(before);
        assertThat(celsius).hasValue(Pattern.compile("^0(\\.0+)?$"));
    }

    @Test
    void counterWithArgsAddsTheTypedValue() {
        open("/counter-args");
        int before = finishedRuns();
        Locator value = page.getByLabel("Enter a value");
        value.fill("7");
        value.press("Enter");
        awaitRunsAfter(before);
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Increment")).click();
        assertThat(mainText("Count =")).hasText("Count = 7");
    }

    @Test
    void aKeyedTextInputKeepsItsTextWhileHiddenByACheckbox() {
        open("/widgets");
        Locator note = page.getByLabel("Keyed note", EXACT);
        int before = finishedRuns();
        note.fill("remember me");
        note.press("Enter");
        awaitRunsAfter(before);
        before = finishedRuns();
        page.getByLabel("Show the keyed note").uncheck();
        awaitRunsAfter(before);
        assertThat(page.getByLabel("Keyed note", EXACT)).hasCount(0);
        before = finishedRuns();
        page.getByLabel("Show the keyed note").check();
        awaitRunsAfter(before);
        assertThat(page.getByLabel("Keyed note", EXACT)).hasValue("remember me");
    }

    @Test
    void anUploadedFileRoundTripsItsBytes() throws Exception {
        open("/widgets");
        Path file = Files.createTempFile("springlit-upload", ".txt");
        Files.writeString(file, "Grüße aus dem Test\nline two", StandardCharsets.UTF_8);
        int before = finishedRuns();
        page.getByLabel("Upload a text file").setInputFiles(file);
        awaitRunsAfter(before);
        assertThat(page.locator("#sl-main .sl-text pre")).hasText("Grüße aus dem Test\nline two");
        assertThat(mainText("fileUploader:")).containsText(file.getFileName().toString());
    }
}
