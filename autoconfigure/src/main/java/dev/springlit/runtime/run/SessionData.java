package dev.springlit.runtime.run;

import java.util.HashMap;
import java.util.Map;

import dev.springlit.runtime.widget.WidgetMeta;

/**
 * A session's committed state between runs. A run works on copies ({@code RunState}) and swaps them in
 * only when it completes, so an interrupted run leaves no trace. The maps are never changed once committed.
 *
 * @param values   user keys and keyed widgets' values: what {@code SessionState} shows
 * @param unkeyed  values of widgets without a key, by widget id (hidden from {@code SessionState})
 * @param widgets  what the last runs drew, by widget id
 * @param bytes    the values serialized, one array each, or {@code null} when nothing asked for them (see
 *                 {@link StateBytes})
 */
public record SessionData(Map<String, Object> values, Map<String, Object> unkeyed, Map<String, WidgetMeta> widgets,
                   StateBytes bytes) {

    public SessionData(Map<String, Object> values, Map<String, Object> unkeyed, Map<String, WidgetMeta> widgets) {
        this(values, unkeyed, widgets, null);
    }

    public static SessionData empty() {
        return new SessionData(new HashMap<>(4), new HashMap<>(2), new HashMap<>(4));
    }
}
