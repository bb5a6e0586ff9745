package dev.springlit.element;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An input widget (number input, slider, text input, checkbox, select box, ...). One record serves every
 * kind: what differs between kinds lives in {@code props}, and the value travels in the browser's own
 * format (see docs/protocol.md, "Widgets").
 *
 * @param id              the widget id the browser sends back with a new value
 * @param kind            a {@link WidgetKind}'s wire name: "number_input", "slider", "checkbox", ...
 * @param label           the label (inline Markdown, escaped)
 * @param help            tooltip, or {@code null}
 * @param disabled        whether the user can change it
 * @param labelVisibility "visible", "hidden" or "collapsed"
 * @param value           the value to show, in wire format (number, string, boolean, list or null)
 * @param props           kind-specific settings (min, max, step, options, placeholder, ...)
 * @param form            the form's key when the widget is in a form, else {@code null}
 */
public record Widget(String id, String kind, String label, String help, boolean disabled, String labelVisibility,
                     Object value, Map<String, Object> props, String form) implements Element {

    /**
     * The prop of a widget in a form that clears on submit: its default in wire format (may be {@code null}),
     * which the browser shows as a pending edit once the form is submitted (S6.2).
     */
    public static final String FORM_DEFAULT = "formDefault";

    public Widget {
        props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    /** A widget of {@code kind}, which travels as its {@linkplain WidgetKind#wireName() wire name}. */
    public Widget(String id, WidgetKind kind, String label, String help, boolean disabled, String labelVisibility,
                  Object value, Map<String, Object> props, String form) {
        this(id, kind.wireName(), label, help, disabled, labelVisibility, value, props, form);
    }

    /** The kind as a {@link WidgetKind}. */
    public WidgetKind widgetKind() {
        return WidgetKind.of(kind);
    }

    /** A prop, or {@code null}. */
    public Object prop(String name) {
        return props.get(name);
    }
}
