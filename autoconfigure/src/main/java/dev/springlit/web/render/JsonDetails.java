package dev.springlit.web.render;

import org.unbescape.html.HtmlEscape;

import dev.springlit.element.Json;

/**
 * What {@code elements/json.html} writes, written directly: {@code st.json} of a page's data changes with its
 * filters, so it misses the rendered-HTML cache. The preview is the template's: the first line abbreviated to 60
 * characters, " … " and the last line trimmed, or the only line abbreviated to 80 (Thymeleaf's
 * {@code #strings.abbreviate}: cut to three less, then "..."). {@code DataTemplatesTest} checks that it is exactly
 * what the template writes.
 */
final class JsonDetails {

    private JsonDetails() {
    }

    static String of(Json json) {
        String text = json.json() == null ? "" : json.json();
        int firstBreak = text.indexOf('\n');
        String lastLine = text.substring(text.lastIndexOf('\n') + 1).trim();
        String preview = firstBreak < 0 ? abbreviate(text, 80)
                : abbreviate(text.substring(0, firstBreak), 60) + " … " + lastLine;
        return "<div class=\"sl-el sl-json\"><details class=\"sl-json-details\" data-sl-expanded=\"" + json.expanded()
                + (json.expanded() ? "\" open=\"open\"" : "\"") + "><summary class=\"sl-json-summary\"><span"
                + " class=\"sl-json-tag\">JSON</span><span class=\"sl-json-preview\">"
                + HtmlEscape.escapeHtml4Xml(preview) + "</span></summary><pre>" + HtmlEscape.escapeHtml4Xml(text)
                + "</pre></details></div>";
    }

    private static String abbreviate(String text, int maxSize) {
        return text.length() <= maxSize ? text : text.substring(0, maxSize - 3) + "...";
    }
}
