package dev.springlit.element;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container that holds other elements: a bordered container, a row of columns and each column, an
 * expander, tabs and each tab, a form, a popover, or an {@code empty} placeholder. Its children are
 * addressed by path below it; when a block itself changes, the browser redraws it empty and its children
 * are sent again.
 *
 * @param kind  "container", "columns", "column", "expander", "tabs", "tab", "form", "popover" or "empty"
 * @param props kind-specific settings (border, weights, label, expanded, labels, key, clearOnSubmit, ...)
 */
public record Block(String kind, Map<String, Object> props) implements Element {

    public Block {
        props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    /** A prop, or {@code null}. */
    public Object prop(String name) {
        return props.get(name);
    }
}
