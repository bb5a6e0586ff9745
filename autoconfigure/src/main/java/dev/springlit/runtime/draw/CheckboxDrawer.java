package dev.springlit.runtime.draw;

import java.util.Map;
import java.util.function.Consumer;

import dev.springlit.CheckboxOptions;
import dev.springlit.StreamlitApiException;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetCodecs;

/** Checkboxes and toggles, and their codec: a JSON boolean. */
final class CheckboxDrawer {

    private CheckboxDrawer() {
    }

    /** {@code kind} is a checkbox or a toggle. */
    static boolean check(DeltaGenerator st, WidgetKind kind, String label, Consumer<CheckboxOptions> options) {
        CheckboxOptions o = new CheckboxOptions();
        options.accept(o);
        var initial = ValueWidgetOptions.start(o);
        Boolean start = initial.valueGiven() ? initial.value() : Boolean.FALSE;
        return ValueWidgets.draw(st, kind, label, o, start, initial.valueGiven(), bool(), Map.of(), start);
    }

    static WidgetCodec<Boolean> bool() {
        return new WidgetCodec<>() {
            @Override
            public Boolean decode(Object wire) {
                if (!(wire instanceof Boolean value)) {
                    throw new IllegalArgumentException("expected true or false, got " + WidgetCodecs.describe(wire));
                }
                return value;
            }

            @Override
            public Object encode(Boolean value) {
                return value;
            }

            @Override
            public Boolean coerce(Object stateValue, String widgetName) {
                if (!(stateValue instanceof Boolean value)) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " of "
                            + widgetName + " is not true or false.");
                }
                return value;
            }
        };
    }
}
