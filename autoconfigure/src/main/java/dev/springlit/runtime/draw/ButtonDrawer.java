package dev.springlit.runtime.draw;

import java.util.Locale;
import java.util.function.Consumer;

import dev.springlit.ButtonOptions;
import dev.springlit.ClickOptions;
import dev.springlit.StreamlitApiException;
import dev.springlit.WidgetOptions;
import dev.springlit.element.Button;
import dev.springlit.element.Widget;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.WidgetSpec;

/** Buttons and form submit buttons: triggers, true only in the run their click causes. */
final class ButtonDrawer {

    private ButtonDrawer() {
    }

    static boolean button(DeltaGenerator st, String label, Consumer<ButtonOptions> options) {
        Canvas run = st.run();
        String form = st.formKey();
        if (form != null) {
            throw new StreamlitApiException("button() can't be used in a form().");
        }
        ButtonOptions o = new ButtonOptions();
        options.accept(o);
        var common = WidgetOptions.common(o);
        var click = ClickOptions.click(o);
        var read = ButtonOptions.snapshot(o);
        WidgetSpec spec = new WidgetSpec(WidgetKind.BUTTON, label, common.key(), new Object[] {common.help(), click.type(), click.icon()},
                Boolean.FALSE, false, true, false, click.onClick(), common.callbackArgs(), null);
        boolean clicked = (Boolean) run.registerWidget(spec, form);
        st.emit(new Button(spec.id(run.page().path(), form), label, common.help(), common.disabled(),
                click.type().name().toLowerCase(Locale.ROOT), click.icon(), read.useContainerWidth()));
        return clicked;
    }

    static boolean formSubmitButton(DeltaGenerator st, String label, Consumer<ButtonOptions> options) {
        Canvas run = st.run();
        String form = st.formKey();
        if (form == null) {
            throw new StreamlitApiException("formSubmitButton() must be used inside a form().");
        }
        ButtonOptions o = new ButtonOptions();
        options.accept(o);
        var common = WidgetOptions.common(o);
        var click = ClickOptions.click(o);
        String key = common.key() != null ? common.key() : "FormSubmitter:" + form + "-" + label;
        WidgetSpec spec = new WidgetSpec(WidgetKind.FORM_SUBMIT_BUTTON, label, key, new Object[] {common.help(), click.type(), click.icon()},
                Boolean.FALSE, false, true, false, click.onClick(), common.callbackArgs(), null);
        boolean clicked = (Boolean) run.registerWidget(spec, form);
        run.submitButtonDrawn(form);
        st.emit(new Widget(spec.id(run.page().path(), form), WidgetKind.FORM_SUBMIT_BUTTON, label, common.help(), common.disabled(),
                "visible", null, DeltaGenerator.props("form", form,
                        "buttonType", click.type().name().toLowerCase(Locale.ROOT), "icon", click.icon()), form));
        return clicked;
    }
}
