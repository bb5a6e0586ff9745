package dev.springlit.test;

import dev.springlit.element.Element;

/**
 * A drawn element that shows text (title, markdown, caption, code, alert, json ...), as the tester sees it.
 *
 * <pre>{@code
 * assertThat(tester.markdown(0).value()).isEqualTo("Count = 1");
 * }</pre>
 *
 * @param kind    what it is: "title", "header", "subheader", "markdown", "caption", "text", "code", "json",
 *                "error", "warning", "info", "success" or "divider"
 * @param value   its text as the page gave it (Markdown source for Markdown elements)
 * @param element the underlying element
 */
public record TextElement(String kind, String value, Element element) {

    @Override
    public String toString() {
        return kind + ": " + value;
    }
}
