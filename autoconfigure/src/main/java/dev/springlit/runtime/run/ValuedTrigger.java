package dev.springlit.runtime.run;

import java.util.List;
import java.util.function.Consumer;

import dev.springlit.runtime.widget.Rejection;
import dev.springlit.runtime.widget.WidgetMeta;

/**
 * A trigger that carries a value (Streamlit's "string trigger value"): {@code st.chatInput} returns the submitted
 * text in the run its submission causes and {@code null} in every other run, like a button that says what was
 * typed. The browser sends the text under the widget's id in {@code widgets} and the id as {@code trigger}, in one
 * message, so the text never arrives without its submission nor a submission without its text.
 */
public final class ValuedTrigger {

    private ValuedTrigger() {
    }

    /** Whether {@code id}'s value in this request is the payload of its own trigger, read with the trigger. */
    public static boolean carriedBy(WidgetMeta meta, String id, RunRequest request) {
        return meta != null && meta.trigger() && meta.decoder() != null && id.equals(request.trigger());
    }

    /** Decodes the trigger's payload and hands it to {@code fired}; a missing or bad payload is refused. */
    public static void fire(WidgetMeta meta, RunRequest request, List<Rejection> rejections, Consumer<Object> fired) {
        if (!request.widgets().containsKey(meta.id())) {
            rejections.add(new Rejection("bad_value", "Widget \"" + meta.id() + "\" was submitted without a value."));
            return;
        }
        Object value;
        try {
            value = meta.decoder().decode(request.widgets().get(meta.id()));
        } catch (IllegalArgumentException e) {
            rejections.add(new Rejection("bad_value", "Widget \"" + meta.id() + "\": " + e.getMessage()));
            return;
        }
        fired.accept(value);
    }
}
