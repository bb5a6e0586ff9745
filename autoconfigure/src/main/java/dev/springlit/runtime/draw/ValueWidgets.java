package dev.springlit.runtime.draw;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import dev.springlit.StreamlitApiException;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.WidgetOptions;
import dev.springlit.element.Widget;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetSpec;

/** What every value widget's drawer does the same way: register the widget, check its value, emit it. */
final class ValueWidgets {

    private ValueWidgets() {
    }

    /**
     * Draws a value widget: registers it (identity, duplicates, state rules), checks the value state holds
     * against the widget's type and options, and emits it with that value.
     *
     * @param explicitDefault whether the page gave the starting value (S4.7 warns only then)
     * @param identity        the parameters that, with kind and label, identify an unkeyed widget
     */
    static <T> T draw(DeltaGenerator st, WidgetKind kind, String label, ValueWidgetOptions<?, T> o,
                     T defaultValue, boolean explicitDefault, WidgetCodec<T> codec, Map<String, Object> props, Object... identity) {
        var common = WidgetOptions.common(o);
        var initial = ValueWidgetOptions.start(o);
        Canvas run = st.run();
        String form = st.formKey();
        refuseCallbackInForm(form, initial.onChange());
        String name = common.key() != null ? "the widget with key \"" + common.key() + "\""
                : "the " + kind + " \"" + label + "\"";
        T checkedDefault = codec.coerce(defaultValue, name);
        Object[] fullIdentity = Arrays.copyOf(identity, identity.length + 1, Object[].class);
        fullIdentity[identity.length] = common.help();
        WidgetSpec spec = new WidgetSpec(kind, label, common.key(), fullIdentity, checkedDefault, explicitDefault, false,
                true, initial.onChange(), common.callbackArgs(), codec);
        T value = codec.coerce(run.registerWidget(spec, form), name);
        st.emit(new Widget(spec.id(run.page().path(), form), kind, label, common.help(), common.disabled(),
                common.labelVisibility().name().toLowerCase(Locale.ROOT), codec.encode(value),
                ClearedForms.withFormDefault(run, form, props, codec.encode(checkedDefault)), form));
        return value;
    }

    /** S6.3: inside a form only the submit button may have a callback. */
    static void refuseCallbackInForm(String form, Object callback) {
        if (form != null && callback != null) {
            throw new StreamlitApiException("Within a form, callbacks can only be defined on "
                    + "formSubmitButton. Defining callbacks on other widgets inside a form is not allowed.");
        }
    }
}
