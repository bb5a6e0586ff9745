package dev.springlit.runtime.draw;

import java.util.function.Consumer;

import dev.springlit.StreamlitApiException;
import dev.springlit.TextInputOptions;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetCodecs;

/** Text inputs and text areas, and their codec: a JSON string (or null), at most {@code maxChars} long. */
final class TextInputDrawer {

    private TextInputDrawer() {
    }

    /** {@code kind} is a text input or a text area. */
    static String text(DeltaGenerator st, WidgetKind kind, String label, Consumer<TextInputOptions> options) {
        TextInputOptions o = new TextInputOptions();
        options.accept(o);
        var initial = ValueWidgetOptions.start(o);
        var read = TextInputOptions.snapshot(o);
        String start = initial.valueGiven() ? initial.value() : "";
        return ValueWidgets.draw(st, kind, label, o, start, initial.valueGiven(), text(read.maxChars()),
                DeltaGenerator.props("maxChars", read.maxChars(), "placeholder", read.placeholder(),
                        "password", read.password() ? Boolean.TRUE : null, "height", read.height()),
                start, read.maxChars(), read.placeholder(), read.password());
    }

    /** Text of at most {@code maxChars} characters (no limit when null); {@code null} allowed. */
    static WidgetCodec<String> text(Integer maxChars) {
        return new WidgetCodec<>() {
            @Override
            public String decode(Object wire) {
                if (wire == null) {
                    return null;
                }
                if (!(wire instanceof String text)) {
                    throw new IllegalArgumentException("expected text, got " + WidgetCodecs.describe(wire));
                }
                if (maxChars != null && text.length() > maxChars) {
                    throw new IllegalArgumentException("the text has " + text.length() + " characters; at most "
                            + maxChars + " are allowed");
                }
                return text;
            }

            @Override
            public Object encode(String value) {
                return value;
            }

            @Override
            public String coerce(Object stateValue, String widgetName) {
                if (stateValue == null || stateValue instanceof String) {
                    return (String) stateValue;
                }
                if (stateValue instanceof CharSequence text) {
                    return text.toString();
                }
                throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " of "
                        + widgetName + " is not text.");
            }
        };
    }
}
