package dev.springlit.web.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message from a tab, read and validated (docs/protocol.md). Anything malformed becomes a
 * {@link BadMessageException} saying what is wrong; nothing half-read reaches a session.
 */
public sealed interface ClientMessage {

    int PROTOCOL_VERSION = 1;
    int MAX_WIDGETS = 10_000;
    int MAX_ID_LENGTH = 1_000;

    /**
     * {@code shown}: the tab still shows what its session's last run drew (a reconnect, not a reload; S9.2);
     * {@code adopt}: the token of the first run the page's GET rendered into the shell, or null.
     */
    record Hello(String session, String page, String query, boolean reclaim, Map<String, Object> widgets,
                 boolean shown, String adopt) implements ClientMessage {

        Hello(String session, String page, String query, boolean reclaim, Map<String, Object> widgets) {
            this(session, page, query, reclaim, widgets, false, null);
        }
    }

    /** {@code seq}: the tab's number for this interaction (S9.3), 0 when it numbers none. */
    record Rerun(Map<String, Object> widgets, String trigger, long seq) implements ClientMessage {

        Rerun(Map<String, Object> widgets, String trigger) {
            this(widgets, trigger, 0);
        }
    }

    record Navigate(String page, String query) implements ClientMessage {
    }

    /** The user pressed Stop: end the running run (a stream included) without replaying it ({@code Session.stopRun}). */
    record Stop() implements ClientMessage {
    }

    /**
     * What the browser reports about itself, before {@code hello} and whenever it changes: its languages
     * ({@code navigator.languages}), IANA time zone and colour theme, unchecked (see {@link BrowserReport}).
     */
    record BrowserContext(java.util.List<String> locales, String timeZone, String theme) implements ClientMessage {
    }

    /** Thrown for a message that does not follow the protocol. */
    final class BadMessageException extends RuntimeException {
        private final String code;

        public BadMessageException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    static ClientMessage parse(JsonMapper mapper, String text) {
        ClientMessage rerun = RerunReader.read(mapper, text);
        return rerun != null ? rerun : parseTree(mapper, text);
    }

    /**
     * Reads any message through a tree, with the errors the protocol documents; {@link #parse} leaves to it every
     * message that is not a plainly well-formed rerun (see {@link RerunReader}).
     */
    static ClientMessage parseTree(JsonMapper mapper, String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JacksonException e) {
            throw new BadMessageException("bad_message", "The message is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BadMessageException("bad_message", "A message must be a JSON object with a \"type\".");
        }
        String type = optionalString(root, "type");
        if (type == null) {
            throw new BadMessageException("bad_message", "A message must have a string \"type\".");
        }
        return switch (type) {
            case "hello" -> hello(mapper, root);
            case "rerun" -> rerun(mapper, root);
            case "navigate" -> new Navigate(requiredString(root, "page"), optionalString(root, "query"));
            case "stop" -> new Stop();
            case "context" -> new BrowserContext(BrowserReport.locales(root.get("locales")),
                    optionalString(root, "timeZone"), optionalString(root, "theme"));
            default -> throw new BadMessageException("bad_message", "Unknown message type \"" + limit(type) + "\".");
        };
    }

    private static Hello hello(JsonMapper mapper, JsonNode root) {
        JsonNode protocol = root.get("protocol");
        if (protocol == null || !protocol.isInt() || protocol.intValue() != PROTOCOL_VERSION) {
            throw new BadMessageException("protocol", "This server speaks protocol version " + PROTOCOL_VERSION
                    + "; reload the page to get the matching client.");
        }
        JsonNode reclaim = root.get("reclaim");
        if (reclaim != null && !reclaim.isBoolean() && !reclaim.isNull()) {
            throw new BadMessageException("bad_message", "\"reclaim\" must be a boolean.");
        }
        JsonNode shown = root.get("shown");
        if (shown != null && !shown.isBoolean() && !shown.isNull()) {
            throw new BadMessageException("bad_message", "\"shown\" must be a boolean.");
        }
        String query = optionalString(root, "query");
        String adopt = optionalString(root, "adopt");
        if (adopt != null && adopt.length() > MAX_ID_LENGTH) {
            throw new BadMessageException("bad_message", "\"adopt\" is too long.");
        }
        return new Hello(optionalString(root, "session"), requiredString(root, "page"), query == null ? "" : query,
                reclaim != null && reclaim.booleanValue(), widgetValues(mapper, root),
                shown != null && shown.booleanValue(), adopt);
    }

    private static Rerun rerun(JsonMapper mapper, JsonNode root) {
        Map<String, Object> values = widgetValues(mapper, root);
        String trigger = optionalString(root, "trigger");
        if (trigger != null) {
            checkId(trigger);
        }
        return new Rerun(values, trigger, sequenceNumber(root));
    }

    /** The optional "seq": a positive whole number below 2^53 (what a browser counts exactly), or absent. */
    private static long sequenceNumber(JsonNode root) {
        JsonNode seq = root.get("seq");
        if (seq == null || seq.isNull()) {
            return 0;
        }
        if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 1
                || seq.longValue() > (1L << 53)) {
            throw new BadMessageException("bad_message", "\"seq\" must be a whole number from 1 to 2^53.");
        }
        return seq.longValue();
    }

    /** The optional "widgets" object: widget id → value. */
    private static Map<String, Object> widgetValues(JsonMapper mapper, JsonNode root) {
        JsonNode widgets = root.get("widgets");
        Map<String, Object> values = new LinkedHashMap<>();
        if (widgets != null && !widgets.isNull()) {
            if (!widgets.isObject()) {
                throw new BadMessageException("bad_message", "\"widgets\" must be an object of widget id to value.");
            }
            if (widgets.size() > MAX_WIDGETS) {
                throw new BadMessageException("too_large", "A message may carry at most " + MAX_WIDGETS + " widget values.");
            }
            for (Map.Entry<String, JsonNode> entry : widgets.properties()) {
                checkId(entry.getKey());
                values.put(entry.getKey(), mapper.treeToValue(entry.getValue(), Object.class));
            }
        }
        return values;
    }

    private static void checkId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new BadMessageException("bad_message", "A widget id must have 1 to " + MAX_ID_LENGTH + " characters.");
        }
    }

    private static String requiredString(JsonNode root, String field) {
        String value = optionalString(root, field);
        if (value == null) {
            throw new BadMessageException("bad_message", "\"" + field + "\" must be a string.");
        }
        return value;
    }

    private static String optionalString(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new BadMessageException("bad_message", "\"" + field + "\" must be a string.");
        }
        return node.stringValue();
    }

    private static String limit(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
