package dev.springlit.test;

import java.util.ArrayList;
import java.util.List;

import dev.springlit.element.Alert;
import dev.springlit.element.Block;
import dev.springlit.element.Chart;
import dev.springlit.element.Code;
import dev.springlit.element.Divider;
import dev.springlit.element.Element;
import dev.springlit.element.ExceptionElement;
import dev.springlit.element.Heading;
import dev.springlit.element.Image;
import dev.springlit.element.Json;
import dev.springlit.element.Markdown;
import dev.springlit.element.Metric;
import dev.springlit.element.Progress;
import dev.springlit.element.Table;
import dev.springlit.element.Text;
import dev.springlit.element.Toast;

/**
 * The page tester's read-only accessors for what the page shows besides widgets: texts, alerts, data elements and
 * exceptions, in page order, found in {@link #elements()} (what the tester's tab shows). {@link PageTester}
 * inherits them, so {@code tester.markdown(0)} reads as in Streamlit's {@code AppTest}.
 */
abstract class PageTexts {

    /** Every element of the main body (or of this view's container), depth first in page order. */
    public abstract List<Element> elements();

    /** The titles ({@code st.title}). */
    public List<TextElement> titles() {
        return texts("title");
    }

    public TextElement title(int index) {
        return pick(titles(), index, "title");
    }

    public List<TextElement> headers() {
        return texts("header");
    }

    public TextElement header(int index) {
        return pick(headers(), index, "header");
    }

    public List<TextElement> subheaders() {
        return texts("subheader");
    }

    public TextElement subheader(int index) {
        return pick(subheaders(), index, "subheader");
    }

    /** Markdown elements, including {@code st.write} lines (not captions). */
    public List<TextElement> markdowns() {
        return texts("markdown");
    }

    public TextElement markdown(int index) {
        return pick(markdowns(), index, "markdown");
    }

    public List<TextElement> captions() {
        return texts("caption");
    }

    public TextElement caption(int index) {
        return pick(captions(), index, "caption");
    }

    public List<TextElement> texts() {
        return texts("text");
    }

    public TextElement text(int index) {
        return pick(texts(), index, "text");
    }

    public List<TextElement> codes() {
        return texts("code");
    }

    public TextElement code(int index) {
        return pick(codes(), index, "code");
    }

    public List<TextElement> jsons() {
        return texts("json");
    }

    public TextElement json(int index) {
        return pick(jsons(), index, "json");
    }

    public List<TextElement> errors() {
        return texts("error");
    }

    public TextElement error(int index) {
        return pick(errors(), index, "error");
    }

    public List<TextElement> warnings() {
        return texts("warning");
    }

    public TextElement warning(int index) {
        return pick(warnings(), index, "warning");
    }

    public List<TextElement> infos() {
        return texts("info");
    }

    public TextElement info(int index) {
        return pick(infos(), index, "info");
    }

    public List<TextElement> successes() {
        return texts("success");
    }

    public TextElement success(int index) {
        return pick(successes(), index, "success");
    }

    public List<TextElement> dividers() {
        return texts("divider");
    }

    /** Every element of type {@code type}, in page order (for metrics, tables, charts, progress bars, ...). */
    public <E extends Element> List<E> elementsOf(Class<E> type) {
        return elements().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The metric at {@code index}: {@code tester.metric(0).value()}. */
    public Metric metric(int index) {
        return pick(elementsOf(Metric.class), index, "metric");
    }

    /** The table or data frame at {@code index}, with its columns and cells. */
    public Table table(int index) {
        return pick(elementsOf(Table.class), index, "table");
    }

    /** The chart at {@code index}; {@code config()} is its Chart.js configuration. */
    public Chart chart(int index) {
        return pick(elementsOf(Chart.class), index, "chart");
    }

    /** The progress bar at {@code index}. */
    public Progress progress(int index) {
        return pick(elementsOf(Progress.class), index, "progress");
    }

    /** The toasts the last run showed. */
    public List<Toast> toasts() {
        return elementsOf(Toast.class);
    }

    /** The images, in page order. */
    public List<Image> images() {
        return elementsOf(Image.class);
    }

    /** The status containers' blocks (label, state), in page order. */
    public List<Block> statuses() {
        return elementsOf(Block.class).stream().filter(b -> b.kind().equals("status")).toList();
    }

    /** The exceptions the page shows. */
    public List<ExceptionInfo> exceptions() {
        List<ExceptionInfo> found = new ArrayList<>();
        for (Element element : elements()) {
            if (element instanceof ExceptionElement e) {
                found.add(new ExceptionInfo(e.type(), e.message(), e.stack(), e.reference()));
            }
        }
        return found;
    }

    final List<TextElement> texts(String kind) {
        List<TextElement> found = new ArrayList<>();
        for (Element element : elements()) {
            TextElement text = describe(element);
            if (text != null && text.kind().equals(kind)) {
                found.add(text);
            }
        }
        return found;
    }

    private static TextElement describe(Element element) {
        if (element instanceof Heading h) {
            String kind = h.level() == 1 ? "title" : h.level() == 2 ? "header" : "subheader";
            return new TextElement(kind, h.text(), element);
        } else if (element instanceof Markdown m) {
            return new TextElement(m.caption() ? "caption" : "markdown", m.body(), element);
        } else if (element instanceof Text t) {
            return new TextElement("text", t.text(), element);
        } else if (element instanceof Code c) {
            return new TextElement("code", c.code(), element);
        } else if (element instanceof Json j) {
            return new TextElement("json", j.json(), element);
        } else if (element instanceof Alert a) {
            return new TextElement(a.level().cssName(), a.body(), element);
        } else if (element instanceof Divider) {
            return new TextElement("divider", "", element);
        }
        return null;
    }

    static <T> T pick(List<T> items, int index, String kind) {
        if (index < 0 || index >= items.size()) {
            throw new AssertionError("The page shows " + items.size() + " " + kind + " element(s); there is no "
                    + kind + "(" + index + ")" + (items.isEmpty() ? "" : ": " + items));
        }
        return items.get(index);
    }
}
