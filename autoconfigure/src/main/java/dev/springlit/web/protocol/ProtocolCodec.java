package dev.springlit.web.protocol;

import java.io.Writer;
import java.util.Arrays;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.databind.json.JsonMapper;

import dev.springlit.element.ElementPath;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.output.ServerMessage.Op;
import dev.springlit.runtime.output.ServerMessage.ReachedOp;
import dev.springlit.runtime.output.ServerMessage.SetOp;
import dev.springlit.runtime.output.ServerMessage.TrimOp;
import dev.springlit.web.render.ElementRenderer;

/**
 * Writes server messages as the JSON of docs/protocol.md, streaming (no intermediate tree, no pretty
 * printing), rendering each set element to HTML on the way.
 */
public final class ProtocolCodec {

    private final JsonMapper mapper;
    private final ElementRenderer renderer;

    public ProtocolCodec(JsonMapper mapper, ElementRenderer renderer) {
        this.mapper = mapper;
        this.renderer = renderer;
    }

    public String encode(ServerMessage message) {
        TextOut out = TextOut.take();
        try (JsonGenerator json = mapper.tokenStreamFactory().createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            if (message instanceof ServerMessage.Delta delta) {
                json.writeStringProperty("type", "delta");
                json.writeNumberProperty("run", delta.run());
                json.writeName("ops");
                json.writeStartArray();
                for (Op op : delta.ops()) {
                    writeOp(json, op);
                }
                json.writeEndArray();
                json.writeName("status");
                if (delta.status() == null) {
                    json.writeNull();
                } else {
                    json.writeString(delta.status().wireName());
                }
                if (delta.seq() > 0) {
                    json.writeNumberProperty("seq", delta.seq());
                }
                if (delta.fragment() != null) {
                    writePath(json, "fragment", delta.fragment());
                }
            } else if (message instanceof ServerMessage.SessionAttached attached) {
                json.writeStringProperty("type", "session");
                json.writeStringProperty("id", attached.id());
                json.writeStringProperty("page", attached.page());
                json.writeStringProperty("title", attached.title());
                json.writeBooleanProperty("reset", attached.reset());
                if (attached.received() > 0) {
                    json.writeNumberProperty("seq", attached.seq());
                    json.writeNumberProperty("received", attached.received());
                }
            } else if (message instanceof ServerMessage.PageChanged page) {
                json.writeStringProperty("type", "page");
                json.writeStringProperty("path", page.path());
                json.writeStringProperty("title", page.title());
            } else if (message instanceof ServerMessage.QueryChanged query) {
                json.writeStringProperty("type", "query");
                json.writeStringProperty("search", query.search());
            } else if (message instanceof ServerMessage.Error error) {
                json.writeStringProperty("type", "error");
                json.writeStringProperty("code", error.code());
                json.writeStringProperty("message", error.message());
            } else if (message instanceof ServerMessage.Busy busy) {
                json.writeStringProperty("type", "busy");
                json.writeStringProperty("message", busy.message());
            } else if (message instanceof ServerMessage.Redirect redirect) {
                json.writeStringProperty("type", "redirect");
                json.writeStringProperty("url", redirect.url());
                json.writeStringProperty("method", redirect.post() ? "POST" : "GET");
                if (redirect.token() != null) {
                    json.writeName("token");
                    json.writeStartObject();
                    json.writeStringProperty("name", redirect.token().parameter());
                    json.writeStringProperty("value", redirect.token().value());
                    json.writeEndObject();
                }
                json.writeBooleanProperty("forget", redirect.forget());
            }
            json.writeEndObject();
        }
        return out.text();
    }

    /**
     * The text with every lone surrogate replaced by U+FFFD. A string cut in the middle of a surrogate pair
     * (an error message quoting a tab's input, a page's own substring) cannot be encoded as UTF-8: the
     * container would refuse the whole message and drop the connection, again on every reconnect.
     */
    static String wellFormed(String text) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        if (i == length) {
            return text;
        }
        StringBuilder fixed = new StringBuilder(length).append(text, 0, i);
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                fixed.append(c).append(text.charAt(++i));
            } else {
                fixed.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return fixed.toString();
    }

    /**
     * Where the generator writes a message: a char buffer the thread keeps between messages (up to {@link #KEPT}
     * chars), so a message costs its string and nothing else; the generator flushes to it in pieces (before every
     * escaped character), which a StringWriter gathered in a growing StringBuffer and then copied. One message is
     * written by one thread; a buffer in use is taken off the thread, so a nested encode would get its own.
     */
    private static final class TextOut extends Writer {

        /**
         * A dashboard's delta (charts, a data frame, JSON) is ~8,000 chars: with 2,048 kept, each one grew a new buffer
         * through 4K, 8K and 16K chars, ~56 KB of garbage per message. Only threads that write such messages (run
         * threads, the flusher) grow theirs that far; the others keep what their small messages needed.
         */
        static final int KEPT = 16_384;
        private static final ThreadLocal<char[]> BUFFERS = new ThreadLocal<>();

        private char[] chars;
        private int count;

        static TextOut take() {
            TextOut out = new TextOut();
            out.chars = BUFFERS.get();
            if (out.chars == null) {
                out.chars = new char[256];
            } else {
                BUFFERS.set(null);
            }
            return out;
        }

        /**
         * The message, made well-formed ({@code wellFormed}), and the buffer back to the thread unless it grew past
         * {@link #KEPT}. The buffer is searched for surrogates first: most messages have none, and a search of the
         * char array is far cheaper than {@code charAt} over a string that holds any non-Latin-1 character.
         */
        String text() {
            boolean surrogates = false;
            for (int i = 0; i < count && !surrogates; i++) {
                surrogates = Character.isSurrogate(chars[i]);
            }
            String text = new String(chars, 0, count);
            if (surrogates) {
                text = wellFormed(text);
            }
            if (chars.length <= KEPT) {
                BUFFERS.set(chars);
            }
            chars = null;
            return text;
        }

        private void ensure(int more) {
            if (count + more > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, count + more));
            }
        }

        @Override
        public void write(char[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, chars, count, length);
            count += length;
        }

        @Override
        public void write(String string, int offset, int length) {
            ensure(length);
            string.getChars(offset, offset + length, chars, count);
            count += length;
        }

        @Override
        public void write(int c) {
            ensure(1);
            chars[count++] = (char) c;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private void writeOp(JsonGenerator json, Op op) {
        json.writeStartObject();
        if (op instanceof SetOp set) {
            json.writeStringProperty("op", "set");
            writePath(json, set.path());
            json.writeStringProperty("html", renderer.render(set.element()));
        } else if (op instanceof TrimOp trim) {
            json.writeStringProperty("op", "trim");
            writePath(json, trim.path());
            json.writeNumberProperty("length", trim.length());
        } else if (op instanceof ReachedOp reached) {
            json.writeStringProperty("op", "reached");
            writePath(json, reached.path());
        }
        json.writeEndObject();
    }

    private static void writePath(JsonGenerator json, ElementPath path) {
        writePath(json, "path", path);
    }

    private static void writePath(JsonGenerator json, String name, ElementPath path) {
        json.writeName(name);
        json.writeStartArray();
        for (int level = 0; level < path.depth(); level++) {
            json.writeNumber(path.index(level));
        }
        json.writeEndArray();
    }
}
