package dev.springlit.runtime.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.springlit.SelectSliderOptions;
import dev.springlit.StreamlitApiException;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetCodecs;

/**
 * {@code st.selectSlider} and {@code st.selectRangeSlider} (Streamlit's {@code st.select_slider}): what they draw
 * and how their value travels. The browser sees a slider over option positions, so the wire value is an option's
 * index, or {@code [start, end]} indices for a range; the page gets the options themselves.
 */
final class SelectSliderDrawer {

    private SelectSliderDrawer() {
    }

    /** One option; the first unless the page or state says otherwise. */
    static <T> T single(DeltaGenerator st, String label, List<T> options,
                        Consumer<SelectSliderOptions<T>> sliderOptions) {
        SelectSliderOptions<T> o = new SelectSliderOptions<>();
        sliderOptions.accept(o);
        var initial = ValueWidgetOptions.start(o);
        List<T> opts = checked(label, options);
        SelectSliderOptions.Snapshot<T> read = SelectSliderOptions.snapshot(o);
        T start = initial.valueGiven() ? initial.value() : opts.get(0);
        List<String> labels = WidgetCodecs.labels(opts, read.formatFunc());
        return ValueWidgets.draw(st, WidgetKind.SELECT_SLIDER, label, o, start, initial.valueGiven(), option(opts, read.formatFunc()),
                DeltaGenerator.props("options", labels), labels, "single");
    }

    /** A start and an end option, in option order; the first and last unless the page or state says otherwise. */
    static <T> List<T> range(DeltaGenerator st, String label, List<T> options,
                        Consumer<SelectSliderOptions<T>> sliderOptions) {
        SelectSliderOptions<T> o = new SelectSliderOptions<>();
        sliderOptions.accept(o);
        var initial = ValueWidgetOptions.start(o);
        List<T> opts = checked(label, options);
        SelectSliderOptions.Snapshot<T> read = SelectSliderOptions.snapshot(o);
        boolean given = read.rangeStart() != null || read.rangeEnd() != null;
        List<T> start = List.of(read.rangeStart() != null ? read.rangeStart() : opts.get(0),
                read.rangeEnd() != null ? read.rangeEnd() : opts.get(opts.size() - 1));
        List<String> labels = WidgetCodecs.labels(opts, read.formatFunc());
        AdaptedOptions<List<T>> adapted = new AdaptedOptions<>(o, initial.onChange(), given, start);
        return ValueWidgets.draw(st, WidgetKind.SELECT_SLIDER, label, adapted, start, given, optionRange(opts, read.formatFunc()),
                DeltaGenerator.props("options", labels, "range", Boolean.TRUE), labels, "range");
    }

    private static <T> List<T> checked(String label, List<T> options) {
        if (options == null || options.isEmpty()) {
            throw new StreamlitApiException("The select slider \"" + label + "\" needs at least one option.");
        }
        return new ArrayList<>(options);
    }

    /** One of {@code options}, sent as its index; never none. */
    static <T> WidgetCodec<T> option(List<T> options, Function<? super T, String> format) {
        return new WidgetCodec<>() {
            @Override
            public T decode(Object wire) {
                return options.get(WidgetCodecs.index(wire, options.size()));
            }

            @Override
            public Object encode(T value) {
                return options.indexOf(value);
            }

            @Override
            public T coerce(Object stateValue, String widgetName) {
                int index = options.indexOf(stateValue);
                if (index < 0) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " set for "
                            + widgetName + " is not one of its options: " + WidgetCodecs.labels(options, format) + ".");
                }
                return options.get(index);
            }
        };
    }

    /** A start and an end of {@code options}, start not after end, sent as {@code [startIndex, endIndex]}. */
    static <T> WidgetCodec<List<T>> optionRange(List<T> options, Function<? super T, String> format) {
        WidgetCodec<T> end = option(options, format);
        return new WidgetCodec<>() {
            @Override
            public List<T> decode(Object wire) {
                if (!(wire instanceof List<?> pair) || pair.size() != 2) {
                    throw new IllegalArgumentException("expected [start, end] option indexes, got "
                            + WidgetCodecs.describe(wire));
                }
                int start = WidgetCodecs.index(pair.get(0), options.size());
                int stop = WidgetCodecs.index(pair.get(1), options.size());
                if (start > stop) {
                    throw new IllegalArgumentException("the start " + start + " is after the end " + stop);
                }
                return List.of(options.get(start), options.get(stop));
            }

            @Override
            public Object encode(List<T> value) {
                return List.of(options.indexOf(value.get(0)), options.indexOf(value.get(1)));
            }

            @Override
            public List<T> coerce(Object stateValue, String widgetName) {
                if (!(stateValue instanceof List<?> pair) || pair.size() != 2) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " of "
                            + widgetName + " is not a list of a start and an end option.");
                }
                T start = end.coerce(pair.get(0), widgetName);
                T stop = end.coerce(pair.get(1), widgetName);
                if (options.indexOf(start) > options.indexOf(stop)) {
                    throw new StreamlitApiException("The start " + WidgetCodecs.describe(start) + " of "
                            + widgetName + " comes after its end " + WidgetCodecs.describe(stop) + " in its options.");
                }
                return List.of(start, stop);
            }
        };
    }
}
