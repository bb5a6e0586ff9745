package dev.springlit.runtime.draw;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.springlit.element.Widget;

/**
 * S6.2: a form with {@code clearOnSubmit} is cleared by the browser, not by another run. Its widgets carry their
 * default ({@link Widget#FORM_DEFAULT}, wire format) so that, once the submit has gone out, the browser shows
 * the defaults as the form's pending edits: the submit run's output stays on screen, a rerun caused outside the
 * form still reports the submitted values, and the next submit sends the defaults.
 */
final class ClearedForms {

    private ClearedForms() {
    }

    /** {@code props}, plus the widget's default when it is drawn in a form that clears on submit. */
    static Map<String, Object> withFormDefault(Canvas run, String form, Map<String, Object> props, Object wireDefault) {
        if (form == null || !run.clearsOnSubmit(form)) {
            return props;
        }
        Map<String, Object> withDefault = new LinkedHashMap<>(props);
        withDefault.put(Widget.FORM_DEFAULT, wireDefault);
        return withDefault;
    }
}
