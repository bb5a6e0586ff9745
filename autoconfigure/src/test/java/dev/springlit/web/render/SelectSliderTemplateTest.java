package dev.springlit.web.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.springlit.element.Widget;

/** The select_slider kind renders from its own template file into the DOM contract the client reads. */
class SelectSliderTemplateTest {

    private final ElementRenderer renderer = new ElementRenderer(new SpringlitTemplates().engine());

    @Test
    void aSelectSliderIsARangeInputOverOptionPositionsWithTheOptionLabels() {
        String html = renderer.render(new Widget("w1", "select_slider", "Size", null, false, "visible", 1,
                Map.of("options", List.of("S", "M", "<L>")), null));
        assertThat(html).startsWith("<div class=\"sl-el sl-widget sl-widget-select_slider\"")
                .contains("data-sl-kind=\"select_slider\"")
                .contains("<input type=\"range\" class=\"sl-range\" data-sl-input id=\"sl-in-w1\" value=\"1\"")
                .contains("min=\"0\"").contains("max=\"2\"").contains("step=\"1\"")
                .contains("<span class=\"sl-slider-value\">M</span>")
                .contains("<option value=\"2\" label=\"&lt;L&gt;\"></option>")
                .doesNotContain("data-sl-part").doesNotContain("\n");
    }

    @Test
    void aSelectRangeSliderHasALowAndAHighInput() {
        String html = renderer.render(new Widget("w2", "select_slider", "Span", null, true, "visible", List.of(0, 2),
                Map.of("options", List.of("S", "M", "L"), "range", true), null));
        assertThat(html).contains("sl-range-slider").contains("data-sl-part=\"low\"").contains("data-sl-part=\"high\"")
                .contains("<span class=\"sl-slider-value\">S – L</span>").contains("disabled");
    }
}
