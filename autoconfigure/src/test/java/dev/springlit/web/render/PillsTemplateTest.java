package dev.springlit.web.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.springlit.element.Widget;
import dev.springlit.element.WidgetKind;

/** The pills kind renders from its own template file into the DOM contract widgets/pills.js reads. */
class PillsTemplateTest {

    private final ElementRenderer renderer = new ElementRenderer(new SpringlitTemplates().engine());

    @Test
    void singlePillsAreAGroupOfCheckboxesLabelledByTheirLegendWithTheChosenOneChecked() {
        String html = renderer.render(new Widget("w1", WidgetKind.PILLS, "Tool", "Pick one", false, "visible", 1,
                Map.of("options", List.of("Add", "<Zoom>")), null));
        assertThat(html).startsWith("<div class=\"sl-el sl-widget sl-widget-pills\"")
                .contains("data-sl-kind=\"pills\"")
                .doesNotContain("<label class=\"sl-widget-label\"").as("the legend is the label")
                .contains("<fieldset class=\"sl-pills\" aria-labelledby=\"sl-in-w1/label\">")
                .contains("<legend class=\"sl-widget-head\"><span class=\"sl-widget-label\" id=\"sl-in-w1/label\">Tool</span>")
                .contains("<input type=\"checkbox\" class=\"sl-pill-input\" data-sl-input id=\"sl-in-w1\" value=\"0\">")
                .contains("<input type=\"checkbox\" class=\"sl-pill-input\" data-sl-input id=\"sl-in-w1/1\" value=\"1\" checked=\"checked\">")
                .contains("<span class=\"sl-pill-label\">&lt;Zoom&gt;</span>")
                .doesNotContain("data-sl-multi").doesNotContain("\n");
    }

    @Test
    void multiplePillsCheckEveryChosenOptionAndAHiddenLabelIsStillTheirName() {
        String html = renderer.render(new Widget("w2", WidgetKind.PILLS, "Directions", null, true, "hidden",
                List.of(0, 2), Map.of("options", List.of("N", "E", "S"), "multi", true), null));
        assertThat(html).contains("data-sl-multi=\"true\"")
                .contains("<legend class=\"sl-widget-head sl-label-hidden\"><span class=\"sl-widget-label sl-label-hidden\"")
                .doesNotContain("\n");
        // Thymeleaf writes checked and disabled in either order: read each pill's <input> on its own
        assertThat(pillInput(html, 0)).contains(" checked=\"checked\"").contains(" disabled=\"disabled\"");
        assertThat(pillInput(html, 1)).doesNotContain("checked").contains(" disabled=\"disabled\"");
        assertThat(pillInput(html, 2)).contains(" checked=\"checked\"").contains(" disabled=\"disabled\"");
    }

    @Test
    void aSegmentedControlIsThePillsMarkupJoinedInOneRow() {
        String html = renderer.render(new Widget("w3", WidgetKind.SEGMENTED_CONTROL, "View", null, false, "visible",
                null, Map.of("options", List.of("Day", "Week")), null));
        assertThat(html).startsWith("<div class=\"sl-el sl-widget sl-widget-segmented_control\"")
                .contains("<fieldset class=\"sl-pills sl-segmented\" aria-labelledby=\"sl-in-w3/label\">")
                .contains("<div class=\"sl-pill-options sl-segments\">")
                .doesNotContain("checked");
    }

    private static String pillInput(String html, int option) {
        int value = html.indexOf("value=\"" + option + "\"");
        assertThat(value).as("option " + option).isPositive();
        return html.substring(html.lastIndexOf("<input", value), html.indexOf('>', value) + 1);
    }
}
