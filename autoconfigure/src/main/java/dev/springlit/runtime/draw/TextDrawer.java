package dev.springlit.runtime.draw;

import java.util.function.Consumer;

import dev.springlit.MarkdownOptions;
import dev.springlit.element.Code;
import dev.springlit.element.Divider;
import dev.springlit.element.Heading;
import dev.springlit.element.Markdown;
import dev.springlit.element.Text;

/** Headings, markdown, plain text, captions, code, dividers and {@code st.write}: text the page shows. */
final class TextDrawer {

    private TextDrawer() {
    }

    static void heading(DeltaGenerator st, int level, String text) {
        st.emit(new Heading(level, text));
    }

    static void markdown(DeltaGenerator st, String body) {
        st.emit(Markdown.of(body));
    }

    static void markdown(DeltaGenerator st, String body, Consumer<MarkdownOptions> options) {
        MarkdownOptions o = new MarkdownOptions();
        options.accept(o);
        var read = MarkdownOptions.snapshot(o);
        st.emit(new Markdown(body, read.unsafeAllowHtml(), false, read.help()));
    }

    static void text(DeltaGenerator st, String text) {
        st.emit(new Text(text));
    }

    static void caption(DeltaGenerator st, String text) {
        st.emit(new Markdown(text, false, true, null));
    }

    static void code(DeltaGenerator st, String code, String language) {
        st.emit(new Code(code, language));
    }

    static void divider(DeltaGenerator st) {
        st.emit(new Divider());
    }

    static void write(DeltaGenerator st, Object... values) {
        st.run();
        new WriteFormatter(st, st.owner().tools().jsonWriter()).write(values);
    }
}
