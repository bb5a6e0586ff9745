package dev.springlit.runtime.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.springlit.ButtonGroupOptions;
import dev.springlit.StreamlitApiException;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.WidgetCodecs;

/**
 * {@code st.pills} and {@code st.segmentedControl}, each with a {@code ...Multiple} form (Streamlit's button_group.py):
 * options shown as a row of buttons, of which one or several may be chosen. The wire value is an option's index or null,
 * or the list of chosen indexes, as for a select box or a multiselect, whose codecs they share.
 */
final class ButtonGroupDrawer {

    private ButtonGroupDrawer() {
    }

    /** One option or none (null); clicking the chosen one again chooses none. */
    static <T> T single(DeltaGenerator st, WidgetKind kind, String label, List<T> options,
                        Consumer<ButtonGroupOptions<T>> groupOptions) {
        ButtonGroupOptions<T> o = new ButtonGroupOptions<>();
        groupOptions.accept(o);
        var initial = ValueWidgetOptions.start(o);
        ButtonGroupOptions.Snapshot<T> read = ButtonGroupOptions.snapshot(o);
        List<T> opts = copy(options);
        T start = initial.valueGiven() ? initial.value() : null;
        List<String> labels = WidgetCodecs.labels(opts, read.formatFunc());
        return ValueWidgets.draw(st, kind, label, o, start, initial.valueGiven(), ChoiceDrawer.choice(opts, read.formatFunc()),
                DeltaGenerator.props("options", labels), labels, "single", start);
    }

    /** Any of the options, in option order; a single {@code value} given is a one-option start. */
    static <T> List<T> multiple(DeltaGenerator st, WidgetKind kind, String label, List<T> options,
                                Consumer<ButtonGroupOptions<T>> groupOptions) {
        ButtonGroupOptions<T> o = new ButtonGroupOptions<>();
        groupOptions.accept(o);
        var initial = ValueWidgetOptions.start(o);
        ButtonGroupOptions.Snapshot<T> read = ButtonGroupOptions.snapshot(o);
        List<T> opts = copy(options);
        boolean given = read.values() != null || initial.valueGiven();
        List<T> start = read.values() != null ? read.values()
                : initial.valueGiven() && initial.value() != null ? List.of(initial.value()) : List.of();
        List<String> labels = WidgetCodecs.labels(opts, read.formatFunc());
        AdaptedOptions<List<T>> adapted = new AdaptedOptions<>(o, initial.onChange(), given, start);
        return ValueWidgets.draw(st, kind, label, adapted, start, given, ChoiceDrawer.multi(opts, read.formatFunc(), null),
                DeltaGenerator.props("options", labels, "multi", Boolean.TRUE), labels, "multi", start);
    }

    private static <T> List<T> copy(List<T> options) {
        if (options == null) {
            throw new StreamlitApiException("A button group needs a list of options.");
        }
        return new ArrayList<>(options);
    }
}
