package dev.springlit.store;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the last runs drew of one widget, as data: the bookkeeping the widget rules need on another node (which
 * key it has, which form it is in, whether it is a trigger, what it resets to).
 *
 * <pre>{@code
 * new WidgetSnapshot("button-3f2a", null, "button", null, 0, true, false)
 * }</pre>
 *
 * @param id           the widget id the browser sends back
 * @param key          the user's key, or {@code null} for an unkeyed widget
 * @param kind         the element kind ("button", "slider", ...)
 * @param form         the key of the form it belongs to, or {@code null}
 * @param order        its position in the run that drew it (callbacks fire in page order)
 * @param trigger      whether it is button-like: true only in the run its click causes
 * @param defaultValue the value it starts with (what a form cleared on submit goes back to)
 * @param callback     whether it has an {@code onChange}/{@code onClick} callback: callbacks are code, not data, so
 *                     another node must draw the page before an interaction with it can fire its callback (S9.2)
 */
public record WidgetSnapshot(String id, String key, String kind, String form, int order, boolean trigger,
                             Object defaultValue, boolean callback) implements Serializable {

    /** A widget without a callback. */
    public WidgetSnapshot(String id, String key, String kind, String form, int order, boolean trigger,
                          Object defaultValue) {
        this(id, key, kind, form, order, trigger, defaultValue, false);
    }

    public WidgetSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}
