package dev.springlit.runtime.draw;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.ObjectWriter;

import dev.springlit.element.Json;
import dev.springlit.element.Markdown;

/**
 * {@code st.write(...)}: consecutive strings and scalars become one Markdown line joined by spaces (so
 * {@code write("Count = ", 1)} shows {@code Count = 1}); maps, collections, arrays and records become JSON
 * elements; throwables become exception elements.
 */
final class WriteFormatter {

    private final DeltaGenerator st;
    private final ObjectWriter json;
    private final StringBuilder line = new StringBuilder();

    WriteFormatter(DeltaGenerator st, ObjectWriter json) {
        this.st = st;
        this.json = json;
    }

    void write(Object[] values) {
        for (Object value : values) {
            if (value instanceof CharSequence text) {
                append(text.toString());
            } else if (value instanceof Throwable throwable) {
                flushLine();
                st.exception(throwable);
            } else if (isStructured(value)) {
                flushLine();
                st.emit(new Json(json.writeValueAsString(value)));
            } else {
                append(escapeMarkdown(String.valueOf(value)));
            }
        }
        flushLine();
    }

    private void append(String text) {
        if (!line.isEmpty() && !text.isEmpty()
                && !Character.isWhitespace(line.charAt(line.length() - 1)) && !Character.isWhitespace(text.charAt(0))) {
            line.append(' ');
        }
        line.append(text);
    }

    private void flushLine() {
        if (!line.isEmpty()) {
            st.emit(Markdown.of(line.toString().strip()));
            line.setLength(0);
        }
    }

    private static boolean isStructured(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Character
                || value instanceof Enum<?> || value instanceof TemporalAccessor || value instanceof UUID) {
            return false;
        }
        return value instanceof Map<?, ?> || value instanceof Collection<?> || value.getClass().isArray()
                || value.getClass().isRecord();
    }

    /** Characters that can start Markdown or HTML inside a line; other punctuation reads as itself. */
    private static final String MARKDOWN_SPECIALS = "\\`*_[]<>|~#!&";

    /** A scalar's text is shown as it is, not read as Markdown. */
    static String escapeMarkdown(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (MARKDOWN_SPECIALS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
