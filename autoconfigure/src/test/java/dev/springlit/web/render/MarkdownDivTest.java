package dev.springlit.web.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.springlit.element.Markdown;

/** Markdown written without the template is exactly what {@code elements/markdown.html} writes. */
class MarkdownDivTest {

    private final ITemplateEngine templates = new SpringlitTemplates().engine();
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final ElementRenderer renderer = new ElementRenderer(templates);

    @Test
    void markdownWithoutHelpIsWhatTheTemplateWrites() {
        List<String> bodies = List.of("Count = 5", "", "**bold**, `code` and a [link](https://example.com)",
                "first\n\nsecond\n\n- a\n- b", "quotes ' \" & <tags> stay escaped", "<b>raw</b> HTML",
                "line  \nbreak", "# Heading\n\n> quote");
        for (String body : bodies) {
            for (boolean allowHtml : new boolean[] {false, true}) {
                for (boolean caption : new boolean[] {false, true}) {
                    Markdown element = new Markdown(body, allowHtml, caption, null);
                    assertThat(MarkdownDiv.covers(element)).isTrue();
                    assertThat(renderer.render(element)).as("%s", element).isEqualTo(throughTemplate(element));
                }
            }
        }
    }

    @Test
    void markdownWithHelpStillGoesThroughTheTemplate() {
        Markdown element = new Markdown("Count = 5", false, false, "How many <clicks>");
        assertThat(MarkdownDiv.covers(element)).isFalse();
        assertThat(renderer.render(element)).isEqualTo(throughTemplate(element))
                .contains("title=\"How many &lt;clicks&gt;\"");
    }

    /** The template as ElementRenderer runs it for Markdown (see its Javadoc for the context). */
    private String throughTemplate(Markdown element) {
        Context context = new Context();
        context.setVariable("el", element);
        context.setVariable("html", markdown.render(element.body(), element.allowHtml()));
        return templates.process("springlit/elements/markdown", Set.of("%markdown"), context).strip();
    }
}
