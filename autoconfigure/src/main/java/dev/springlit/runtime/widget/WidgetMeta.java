package dev.springlit.runtime.widget;

import dev.springlit.Callback;
import dev.springlit.CallbackArgs;
import dev.springlit.element.WidgetKind;

/**
 * What a run remembers of a drawn widget until the next interaction: how to read the browser's value, and
 * which callback to fire with which arguments (bound when it was drawn, as in Streamlit).
 *
 * @param id       the widget id the browser sends back
 * @param key      the user's key, or {@code null} for an unkeyed widget
 * @param kind     which widget (its name reads "button", "slider", ... in messages)
 * @param callback {@code onClick}/{@code onChange}, or {@code null}
 * @param args     the callback's arguments
 * @param order    position in the run that drew it: callbacks fire in page order
 * @param trigger  whether it is a button-like widget that is true only for the run its click causes
 * @param decoder  reads the browser's value; {@code null} for triggers
 * @param form     the key of the form it belongs to, or {@code null}
 * @param defaultValue the value it starts with (what a form cleared on submit goes back to)
 */
public record WidgetMeta(String id, String key, WidgetKind kind, Callback callback, CallbackArgs args, int order,
                  boolean trigger, ValueDecoder decoder, String form, Object defaultValue) {
}
