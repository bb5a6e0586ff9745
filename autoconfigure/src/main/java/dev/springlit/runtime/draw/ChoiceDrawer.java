package dev.springlit.runtime.draw;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.springlit.ChoiceOptions;
import dev.springlit.MultiselectOptions;
import dev.springlit.StreamlitApiException;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetCodecs;

/**
 * Radio buttons, select boxes and multiselects, and their codecs: the browser sees option labels, so the wire
 * value is an option's index (or a list of them); the page gets the options themselves.
 */
final class ChoiceDrawer {

    private ChoiceDrawer() {
    }

    /** {@code kind} is a radio or a select box. */
    static <T> T choice(DeltaGenerator st, WidgetKind kind, String label, List<T> options,
                        Consumer<ChoiceOptions<T>> choiceOptions) {
        ChoiceOptions<T> o = new ChoiceOptions<>();
        choiceOptions.accept(o);
        var initial = ValueWidgetOptions.start(o);
        var read = ChoiceOptions.snapshot(o);
        List<T> opts = List.copyOf(options);
        Integer index = read.index();
        if (index != null && (index < 0 || index >= opts.size())) {
            throw new StreamlitApiException("The index " + index + " of the " + kind + " \"" + label
                    + "\" must be between 0 and " + (opts.size() - 1) + ", or null for none.");
        }
        T start = initial.valueGiven() ? initial.value() : index == null ? null : opts.get(index);
        List<String> labels = WidgetCodecs.labels(opts, read.formatFunc());
        return ValueWidgets.draw(st, kind, label, o, start, initial.valueGiven() || (index != null && index != 0),
                choice(opts, read.formatFunc()),
                DeltaGenerator.props("options", labels, "horizontal", read.horizontal() ? Boolean.TRUE : null,
                        "placeholder", kind == WidgetKind.SELECTBOX ? read.placeholder() : null),
                labels, index, initial.valueGiven() ? start : null);
    }

    static <T> List<T> multiselect(DeltaGenerator st, String label, List<T> options,
                                   Consumer<MultiselectOptions<T>> multiOptions) {
        MultiselectOptions<T> o = new MultiselectOptions<>();
        multiOptions.accept(o);
        var initial = ValueWidgetOptions.start(o);
        var read = MultiselectOptions.snapshot(o);
        List<T> opts = List.copyOf(options);
        List<T> start = initial.valueGiven() && initial.value() != null ? List.copyOf(initial.value()) : List.of();
        List<String> labels = WidgetCodecs.labels(opts, read.formatFunc());
        return ValueWidgets.draw(st, WidgetKind.MULTISELECT, label, o, start, initial.valueGiven(),
                multi(opts, read.formatFunc(), read.maxSelections()),
                DeltaGenerator.props("options", labels, "maxSelections", read.maxSelections(),
                        "placeholder", read.placeholder()),
                labels, start, read.maxSelections());
    }

    /** One of {@code options} (sent as its index), or {@code null} for none. */
    static <T> WidgetCodec<T> choice(List<T> options, Function<? super T, String> format) {
        return new WidgetCodec<>() {
            @Override
            public T decode(Object wire) {
                if (wire == null) {
                    return null;
                }
                return options.get(WidgetCodecs.index(wire, options.size()));
            }

            @Override
            public Object encode(T value) {
                return value == null ? null : options.indexOf(value);
            }

            @Override
            public T coerce(Object stateValue, String widgetName) {
                if (stateValue != null && !options.contains(stateValue)) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " set for "
                            + widgetName + " is not one of its options: " + WidgetCodecs.labels(options, format) + ".");
                }
                @SuppressWarnings("unchecked")
                T value = (T) stateValue;
                return value;
            }
        };
    }

    /** Several of {@code options}, in option order, at most {@code maxSelections}. */
    static <T> WidgetCodec<List<T>> multi(List<T> options, Function<? super T, String> format, Integer maxSelections) {
        return new WidgetCodec<>() {
            @Override
            public List<T> decode(Object wire) {
                if (!(wire instanceof List<?> list)) {
                    throw new IllegalArgumentException("expected a list of option indexes, got "
                            + WidgetCodecs.describe(wire));
                }
                Set<Integer> indexes = new LinkedHashSet<>();
                for (Object item : list) {
                    indexes.add(WidgetCodecs.index(item, options.size()));
                }
                if (maxSelections != null && indexes.size() > maxSelections) {
                    throw new IllegalArgumentException("at most " + maxSelections + " options may be chosen");
                }
                List<T> chosen = new ArrayList<>();
                indexes.stream().sorted().forEach(i -> chosen.add(options.get(i)));
                return List.copyOf(chosen);
            }

            @Override
            public Object encode(List<T> value) {
                return value.stream().map(options::indexOf).toList();
            }

            @Override
            public List<T> coerce(Object stateValue, String widgetName) {
                if (!(stateValue instanceof Collection<?> values)) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " of "
                            + widgetName + " is not a list.");
                }
                List<T> chosen = new ArrayList<>();
                for (Object value : values) {
                    if (!options.contains(value)) {
                        throw new StreamlitApiException("The value " + WidgetCodecs.describe(value) + " set for "
                                + widgetName + " is not one of its options: " + WidgetCodecs.labels(options, format)
                                + ".");
                    }
                    @SuppressWarnings("unchecked")
                    T typed = (T) value;
                    chosen.add(typed);
                }
                return List.copyOf(chosen);
            }
        };
    }
}
