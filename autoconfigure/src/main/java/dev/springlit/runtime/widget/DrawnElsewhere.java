package dev.springlit.runtime.widget;

import java.util.Map;

import dev.springlit.Callback;
import dev.springlit.CallbackArgs;
import dev.springlit.element.WidgetKind;

/**
 * A widget a session knows from the session store but that no run on this node has drawn yet (S9.2: a node takes
 * a tab over without drawing its page). Its bookkeeping is data; what only a draw binds is marked: its
 * {@link #DECODER} cannot read a browser value (the decoder depends on the widget's options), so such a value is
 * kept raw and decoded when the widget is drawn, as Streamlit deserializes widget state when the widget registers;
 * its {@link #CALLBACK} stands for a callback bound on another node, so an interaction with it waits for the page
 * to be drawn here first (see {@link #mustBeDrawnFirst}).
 */
public final class DrawnElsewhere {

    /** Reads no value: the browser's value stays raw until the widget is drawn on this node. */
    public static final ValueDecoder DECODER = raw -> {
        throw new IllegalArgumentException("the page is still being drawn on this server; try again.");
    };

    /**
     * A callback bound on another node. The page is drawn here before an interaction with the widget is applied, so
     * this is called only for a widget the page no longer draws, which in Streamlit fires nothing either.
     */
    public static final Callback CALLBACK = new Callback() {
        @Override
        public void call(CallbackArgs args) {
            // the widget is not on the page any more: nothing to fire
        }

        @Override
        public String toString() {
            return "a callback bound on another node";
        }
    };

    private DrawnElsewhere() {
    }

    /** What a session restored from the store remembers of a widget until a run draws it here. */
    public static WidgetMeta meta(String id, String key, WidgetKind kind, int order, boolean trigger, String form,
                                  Object defaultValue, boolean callback) {
        // a plain trigger needs no decoder; a trigger with a value (a chat input) does, like a value widget
        ValueDecoder decoder = trigger && !kind.holdsValue() ? null : DECODER;
        return new WidgetMeta(id, key, kind, callback ? CALLBACK : null, null, order, trigger, decoder, form,
                defaultValue);
    }

    /** Whether {@code meta} is such a widget, with a value kept raw until it is drawn. */
    public static boolean isUndecoded(WidgetMeta meta) {
        return meta != null && meta.decoder() == DECODER;
    }

    /**
     * Whether an interaction naming these widgets (the values it sends and its trigger) must wait until the page is
     * drawn on this node: one of them has a callback (fired before the run, so it must be bound), a key (code may read
     * the key before the widget is drawn, and must see the new value), or is a trigger carrying a value. Unkeyed
     * value widgets without callbacks are decoded lazily, in the interaction's own run.
     */
    public static boolean mustBeDrawnFirst(Map<String, WidgetMeta> known, Map<String, Object> values, String trigger) {
        for (String id : values.keySet()) {
            if (mustBeDrawnFirst(known.get(id))) {
                return true;
            }
        }
        return trigger != null && mustBeDrawnFirst(known.get(trigger));
    }

    private static boolean mustBeDrawnFirst(WidgetMeta meta) {
        return meta != null && (meta.callback() == CALLBACK || isUndecoded(meta) && (meta.key() != null || meta.trigger()));
    }
}
