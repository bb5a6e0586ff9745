package dev.springlit.runtime.session;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.springlit.runtime.run.SessionData;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetMeta;

/**
 * What a session's runs committed, read from outside any run: the visible state and each widget's value in its
 * Java type, and the browser form of a Java value for a widget (its codec). The page tester reads widget values
 * this way, as Streamlit's {@code AppTest} reads them from the session state by widget id; a tool that inspects
 * sessions could too. A snapshot: later runs do not change it.
 */
public final class CommittedState {

    private final SessionData data;

    private CommittedState(SessionData data) {
        this.data = data;
    }

    /** What {@code session} has committed now. */
    public static CommittedState of(Session session) {
        return new CommittedState(session.runner().data());
    }

    /** The visible state (your keys and keyed widgets'): a copy, never the live map. */
    public Map<String, Object> values() {
        return new LinkedHashMap<>(data.values());
    }

    /** The value of the widget with this id (keyed or not), or {@code null}. */
    public Object widgetValue(String widgetId) {
        WidgetMeta meta = data.widgets().get(widgetId);
        if (meta != null && meta.key() != null) {
            return data.values().get(meta.key());
        }
        return data.unkeyed().get(widgetId);
    }

    /**
     * {@code value} as the browser would send it for the widget with this id.
     *
     * @throws IllegalArgumentException when the session has no value widget with that id
     */
    @SuppressWarnings("unchecked")
    public Object toBrowserValue(String widgetId, Object value) {
        WidgetMeta meta = data.widgets().get(widgetId);
        if (meta == null || !(meta.decoder() instanceof WidgetCodec<?> codec)) {
            throw new IllegalArgumentException("There is no value widget with id \"" + widgetId + "\" in this session.");
        }
        return ((WidgetCodec<Object>) codec).encode(value);
    }
}
