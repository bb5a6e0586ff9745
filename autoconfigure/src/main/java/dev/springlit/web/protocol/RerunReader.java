package dev.springlit.web.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the message a tab sends on every click, {@code rerun}, straight from the parser instead of through a tree
 * (the tree was about half of the web thread's parsing time per click). It accepts only a well-formed rerun, its
 * fields in any order and each at most once, as the client sends it; for anything else (another type, a repeated
 * field, a value of the wrong kind, an id out of bounds, bad JSON, trailing content) it returns {@code null}, and
 * {@link ClientMessage#parse} reads the message the usual way, which says what is wrong. So the errors a tab hears
 * are the same as before, and a rerun read here equals the one the tree would give.
 *
 * <p>Threading: stateless.
 */
final class RerunReader {

    /** The reader of one widget value for the mapper last used (the application has one). */
    private static volatile ValueReader valueReader;

    /**
     * Reads one value where the parser stands; the mapper's own {@code readValue(JsonParser, …)} would also insist
     * that nothing follows it, as at the end of a document.
     */
    private record ValueReader(JsonMapper mapper, ObjectReader reader) {

        static ObjectReader of(JsonMapper mapper) {
            ValueReader cached = valueReader;
            if (cached == null || cached.mapper() != mapper) {
                cached = new ValueReader(mapper,
                        mapper.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
                valueReader = cached;
            }
            return cached.reader();
        }
    }

    private RerunReader() {
    }

    /** The rerun in {@code text}, or {@code null} when it is not a plainly well-formed one. */
    static ClientMessage.Rerun read(JsonMapper mapper, String text) {
        try (JsonParser parser = mapper.createParser(text)) {
            return read(mapper, parser);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static ClientMessage.Rerun read(JsonMapper mapper, JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        boolean typed = false;
        Map<String, Object> widgets = null;
        String trigger = null;
        boolean triggerSeen = false;
        long seq = -1;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> {
                    if (typed || value != JsonToken.VALUE_STRING || !"rerun".equals(parser.getString())) {
                        return null;
                    }
                    typed = true;
                }
                case "widgets" -> {
                    if (widgets != null || (widgets = widgets(mapper, parser, value)) == null) {
                        return null;
                    }
                }
                case "trigger" -> {
                    if (triggerSeen || (value != JsonToken.VALUE_NULL && !validId(parser, value))) {
                        return null;
                    }
                    triggerSeen = true;
                    trigger = value == JsonToken.VALUE_NULL ? null : parser.getString();
                }
                case "seq" -> {
                    if (seq != -1 || (seq = sequenceNumber(parser, value)) == -1) {
                        return null;
                    }
                }
                default -> parser.skipChildren(); // the tree reader ignores fields it does not know, too
            }
        }
        if (!typed || parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
            return null;
        }
        return new ClientMessage.Rerun(widgets == null ? new LinkedHashMap<>() : widgets, trigger, Math.max(0, seq));
    }

    /** The widget values, or null when they are not an object of valid ids within the count limit. */
    private static Map<String, Object> widgets(JsonMapper mapper, JsonParser parser, JsonToken value) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (value == JsonToken.VALUE_NULL) {
            return values;
        }
        if (value != JsonToken.START_OBJECT) {
            return null;
        }
        for (String id = parser.nextName(); id != null; id = parser.nextName()) {
            if (id.isEmpty() || id.length() > ClientMessage.MAX_ID_LENGTH || values.containsKey(id)
                    || values.size() == ClientMessage.MAX_WIDGETS) {
                return null;
            }
            parser.nextToken();
            values.put(id, ValueReader.of(mapper).readValue(parser));
        }
        return values;
    }

    private static boolean validId(JsonParser parser, JsonToken value) {
        if (value != JsonToken.VALUE_STRING) {
            return false;
        }
        int length = parser.getStringLength();
        return length > 0 && length <= ClientMessage.MAX_ID_LENGTH;
    }

    /** "seq": 0 for null, the number when it is a whole number from 1 to 2^53, else -1. */
    private static long sequenceNumber(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return -1;
        }
        long seq = parser.getLongValue();
        return seq >= 1 && seq <= (1L << 53) ? seq : -1;
    }
}
