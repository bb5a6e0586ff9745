package dev.springlit.web.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.springlit.element.Code;
import dev.springlit.element.Markdown;

/** Hostile Markdown: only image data URLs survive, and only raster ones; absurd code languages are bounded. */
class MarkdownRendererTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void linksLoseDataAndJavascriptUrls() {
        String html = markdown.render("[a](data:text/html;base64,PHNjcmlwdD4=) [b](javascript:alert(1)) "
                + "[c](DATA:image/png;base64,AAAA) [d](https://example.com/x) [e](/counter)", false);
        assertThat(html).doesNotContainIgnoringCase("data:").doesNotContain("javascript:")
                .contains("href=\"https://example.com/x\"").contains("href=\"./counter\"");
    }

    @Test
    void imagesKeepOnlyRasterDataUrls() {
        String html = markdown.render("![a](data:text/html;base64,PHNjcmlwdD4=) "
                + "![b](data:image/svg+xml;base64,PHN2Zz4=) ![c](data:image/png;base64,iVBORw0KGgo=) "
                + "![d](data:image/jpeg;base64,/9j/4AAQ) ![e](DaTa:image/SVG+xml;base64,PHN2Zz4=) ![f](https://example.com/p.png)",
                false);
        assertThat(html).doesNotContain("data:text/html").doesNotContainIgnoringCase("svg")
                .contains("src=\"data:image/png;base64,iVBORw0KGgo=\"")
                .contains("src=\"data:image/jpeg;base64,/9j/4AAQ\"")
                .contains("src=\"https://example.com/p.png\"");
    }

    @Test
    void theSameRulesHoldInLabels() {
        assertThat(markdown.renderInline("[x](data:text/html,<script>alert(1)</script>)")).doesNotContain("data:");
    }

    @Test
    void aHugeCodeBlockLanguageIsCutToAPlainClassName() {
        String fence = "```" + "x".repeat(100_000) + "\nint answer = 42;\n```";
        String html = markdown.render(fence, false);
        assertThat(html).contains("int answer = 42;").hasSizeLessThan(200);
        String odd = markdown.render("```java\" onmouseover=\"x\nbody\n```", false);
        assertThat(odd).contains("class=\"language-java\"").doesNotContain("onmouseover");
    }

    @Test
    void aHugeStCodeLanguageRendersTheCode() {
        ElementRenderer renderer = new ElementRenderer(new SpringlitTemplates().engine());
        String html = renderer.render(new Code("int answer = 42;", "y".repeat(100_000)));
        assertThat(html).contains("int answer = 42;").hasSizeLessThan(300);
        assertThat(renderer.render(new Code("a", "c++ \"<x>"))).contains("language-c++").doesNotContain("<x>");
        assertThat(renderer.render(Markdown.of("```" + "z".repeat(100_000) + "\nq\n```"))).hasSizeLessThan(300);
    }
}
