package dev.springlit.web.render;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.springlit.element.Alert;
import dev.springlit.element.Block;
import dev.springlit.element.Button;
import dev.springlit.element.Chart;
import dev.springlit.element.Code;
import dev.springlit.element.Element;
import dev.springlit.element.ExceptionElement;
import dev.springlit.element.Image;
import dev.springlit.element.Json;
import dev.springlit.element.Markdown;
import dev.springlit.element.Metric;
import dev.springlit.element.PageLink;
import dev.springlit.element.Progress;
import dev.springlit.element.Table;
import dev.springlit.element.Toast;
import dev.springlit.element.Widget;
import dev.springlit.web.http.Routes;

import tools.jackson.databind.json.JsonMapper;

/**
 * Renders one element to HTML with its Thymeleaf fragment: one file per element kind,
 * {@code templates/springlit/elements/<kind>.html} with fragment {@code <kind>}. Value widgets
 * ({@link Widget}) all use {@code elements/widget.html}, which includes {@code widgets/<widget kind>.html}
 * (fragment named after the {@link dev.springlit.element.WidgetKind}); blocks use {@code elements/block.html}.
 * Markdown is turned into safe HTML here, before the template sees it.
 * <p>
 * Tables, charts and JSON are written directly ({@code TableHtml}, {@code ChartDiv}, {@code JsonDetails}), as is
 * Markdown without help ({@code MarkdownDiv}); their templates stay the reference they are tested against.
 * <p>
 * The context: {@code el} (the element record; components are read with method calls, e.g. {@code el.text()}),
 * {@code html} (safe, pre-rendered HTML for markdown/alert bodies and button and widget labels: the only
 * {@code th:utext} source), for widgets {@code valueJson} (the value as JSON text), for blocks {@code labelHtml}.
 * Each fragment is exactly one root element with class {@code sl-el}, on one line: no stray whitespace (a long
 * fragment may break its lines inside Thymeleaf parser-level comment blocks, which leave no trace). Expressions
 * are cached by their text and compiled by SpEL for the record type they first saw, so the same expression text
 * must not be used for two record types (e.g. {@code ${el.text()}} for Heading and Text): such fragments read
 * {@code el} through a local alias ({@code th:with="heading=${el}"}) instead.
 */
public final class ElementRenderer {

    private static final String TEMPLATES = "springlit/elements/";

    private final ITemplateEngine templates;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final JsonMapper json;
    /**
     * Rendered HTML of small elements by value: most of what pages draw (titles, labels, buttons, short texts)
     * repeats across runs and tabs, and rendering is the largest cost of a rerun. Cleared when full.
     */
    private final ConcurrentHashMap<Element, String> cache = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 4096;

    /** A renderer with a plain JsonMapper (tests, tools). */
    public ElementRenderer(ITemplateEngine templates) {
        this(templates, JsonMapper.builder().build());
    }

    /** A renderer writing widget values with {@code json}: the application's mapper, with Boot's customisations. */
    public ElementRenderer(ITemplateEngine templates, JsonMapper json) {
        this.templates = templates;
        this.json = json;
    }

    /** JSON placed inside a script element: "<" is escaped so no "</script>" or "<!--" can end it early. */
    static String forScript(String json) {
        return json.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    public String render(Element element) {
        if (element instanceof Markdown md && MarkdownDiv.covers(md) && MarkdownRenderer.isPlainText(md.body())) {
            // the Count = N of a counter: new text on every run, so a cache entry would only push others out
            return MarkdownDiv.of(md, markdown.render(md.body(), md.allowHtml()));
        }
        if (!cacheable(element)) {
            return renderNow(element);
        }
        String html = cache.get(element);
        if (html == null) {
            html = renderNow(element);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(element, html);
        }
        return html;
    }

    /** Large or one-off elements (tables, charts, JSON, images, exceptions) are not worth keeping. */
    private static boolean cacheable(Element element) {
        return !(element instanceof Table || element instanceof Chart
                || element instanceof Json || element instanceof Image
                || element instanceof ExceptionElement);
    }

    private String renderNow(Element element) {
        if (element instanceof Markdown md && MarkdownDiv.covers(md)) {
            return MarkdownDiv.of(md, markdown.render(md.body(), md.allowHtml()));
        }
        // data that changes with a page's filters, written without the template (see each class for why)
        if (element instanceof Chart chart) {
            return ChartDiv.of(chart, forScript(chart.config()));
        }
        if (element instanceof Table table) {
            return TableHtml.of(table, table.interactive() ? forScript(json.writeValueAsString(table.rows())) : null);
        }
        if (element instanceof Json value) {
            return JsonDetails.of(value);
        }
        Context context = new Context();
        context.setVariable("el", element);
        if (element instanceof Code code) {
            context.setVariable("language", CodeLanguage.of(code.language()));
        }
        if (element instanceof Markdown md) {
            context.setVariable("html", markdown.render(md.body(), md.allowHtml()));
        } else if (element instanceof Alert alert) {
            context.setVariable("html", markdown.render(alert.body(), false));
        } else if (element instanceof Button button) {
            context.setVariable("html", markdown.renderInline(button.label()));
        } else if (element instanceof Progress progress) {
            context.setVariable("html", progress.text() == null ? null : markdown.renderInline(progress.text()));
        } else if (element instanceof Toast toast) {
            context.setVariable("html", markdown.renderInline(toast.text()));
        } else if (element instanceof Metric metric) {
            context.setVariable("html", markdown.renderInline(metric.label()));
        } else if (element instanceof PageLink link) {
            context.setVariable("html", markdown.renderInline(link.label()));
            context.setVariable("href", Routes.page(link.path()));
        } else if (element instanceof Block block) {
            Object label = block.prop("label");
            context.setVariable("labelHtml", label == null ? null : markdown.renderInline(String.valueOf(label)));
        } else if (element instanceof Widget widget) {
            context.setVariable("html", markdown.renderInline(widget.label()));
            context.setVariable("valueJson", json.writeValueAsString(widget.value()));
            context.setVariable("defaultJson", widget.props().containsKey(Widget.FORM_DEFAULT)
                    ? json.writeValueAsString(widget.prop(Widget.FORM_DEFAULT)) : null);
        }
        // "%name" selects by th:fragment only, never by tag name (a fragment called "button" must not match <button>)
        String fragment = element instanceof Widget ? "widget" : element instanceof Block ? "block" : element.kind();
        return templates.process(TEMPLATES + fragment, Set.of("%" + fragment), context).strip();
    }
}
