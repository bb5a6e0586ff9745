package dev.springlit.runtime.draw;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;

import dev.springlit.NumberInputOptions;
import dev.springlit.Range;
import dev.springlit.RangeSliderOptions;
import dev.springlit.SliderOptions;
import dev.springlit.StreamlitApiException;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetCodecs;

/**
 * Number inputs, sliders and range sliders over Integer, Long or Double, and their codecs: a number travels as a
 * JSON number, a range as {@code [low, high]}.
 */
final class NumberDrawer {

    private NumberDrawer() {
    }

    static <T extends Number> T numberInput(DeltaGenerator st, String label, T value, Class<T> type, T defaultStep,
                                            Consumer<NumberInputOptions<T>> options) {
        NumberInputOptions<T> o = new NumberInputOptions<>();
        options.accept(o);
        return numberInput(st, label, value, type, defaultStep, o, true);
    }

    /**
     * S4.7: a number input with no starting value of its own starts at min, or 0, and counts as having no
     * explicit default (unless options give a value), so a value put in state first draws without a warning.
     */
    static <T extends Number> T numberInputWithoutDefault(DeltaGenerator st, String label, Class<T> type,
                                                          Consumer<NumberInputOptions<T>> options) {
        if (type != Integer.class && type != Long.class && type != Double.class) {
            throw new StreamlitApiException("numberInput() takes Integer, Long or Double, not " + type.getName() + ".");
        }
        NumberInputOptions<T> o = new NumberInputOptions<>();
        options.accept(o);
        T min = NumberInputOptions.snapshot(o).min();
        T start = min != null ? min : convert(type, 0);
        T step = convert(type, Double.class.equals(type) ? 0.01 : 1);
        return numberInput(st, label, start, type, step, o, false);
    }

    private static <T extends Number> T numberInput(DeltaGenerator st, String label, T value, Class<T> type,
                                                    T defaultStep, NumberInputOptions<T> o, boolean explicitDefault) {
        var initial = ValueWidgetOptions.start(o);
        var read = NumberInputOptions.snapshot(o);
        T step = read.step() != null ? read.step() : defaultStep;
        return ValueWidgets.draw(st, WidgetKind.NUMBER_INPUT, label, o, initial.valueGiven() ? initial.value() : value,
                explicitDefault || initial.valueGiven(),
                number(type, read.min(), read.max(), true),
                DeltaGenerator.props("min", read.min(), "max", read.max(), "step", step,
                        "integer", !Double.class.equals(type), "placeholder", read.placeholder(), "format", read.format()),
                initial.valueGiven() ? initial.value() : value, read.min(), read.max(), step, read.format(), type.getSimpleName());
    }

    static <T extends Number> T slider(DeltaGenerator st, String label, T min, T max, Class<T> type, T defaultStep,
                                       Consumer<SliderOptions> options) {
        SliderOptions o = new SliderOptions();
        options.accept(o);
        var initial = ValueWidgetOptions.start(o);
        var read = SliderOptions.snapshot(o);
        T step = read.step() != null ? given(type, read.step(), "step") : defaultStep;
        T start = initial.valueGiven() ? given(type, initial.value(), "value") : min;
        AdaptedOptions<T> value = new AdaptedOptions<>(o, initial.onChange(), initial.valueGiven(), start);
        return ValueWidgets.draw(st, WidgetKind.SLIDER, label, value, start, initial.valueGiven(), number(type, min, max, false),
                DeltaGenerator.props("min", min, "max", max, "step", step, "integer", !Double.class.equals(type),
                        "format", read.format()),
                min, max, step, initial.valueGiven() ? start : null, read.format(), type.getSimpleName());
    }

    static <T extends Number & Comparable<T>> Range<T> rangeSlider(DeltaGenerator st, String label, T min, T max,
                                                                   Class<T> type, T defaultStep, Consumer<RangeSliderOptions> options) {
        RangeSliderOptions o = new RangeSliderOptions();
        options.accept(o);
        var read = RangeSliderOptions.snapshot(o);
        T step = read.step() != null ? given(type, read.step(), "step") : defaultStep;
        Range<T> start = read.valueGiven()
                ? Range.of(given(type, read.low(), "value"), given(type, read.high(), "value")) : Range.of(min, max);
        AdaptedOptions<Range<T>> value = new AdaptedOptions<>(o, read.onChange(), read.valueGiven(), start);
        return ValueWidgets.draw(st, WidgetKind.RANGE_SLIDER, label, value, start, read.valueGiven(), range(type, min, max),
                DeltaGenerator.props("min", min, "max", max, "step", step, "integer", !Double.class.equals(type)),
                min, max, step, read.valueGiven() ? start : null, type.getSimpleName());
    }

    /** A number the page gave in options, as the widget's type; a fraction for a whole-number slider is an error. */
    private static <T extends Number> T given(Class<T> type, Number given, String what) {
        T value = convert(type, given);
        if (value == null) {
            throw new StreamlitApiException("The " + what + " " + given + " is not a "
                    + type.getSimpleName() + " like the slider's bounds.");
        }
        return value;
    }

    /** Numbers of {@code type} (Integer, Long or Double) within [min, max]; {@code null} when {@code nullable}. */
    static <T extends Number> WidgetCodec<T> number(Class<T> type, T min, T max, boolean nullable) {
        return new WidgetCodec<>() {
            @Override
            public T decode(Object wire) {
                if (wire == null) {
                    if (nullable) {
                        return null;
                    }
                    throw new IllegalArgumentException("expected a number, got null");
                }
                if (!(wire instanceof Number number)) {
                    throw new IllegalArgumentException("expected a number, got " + WidgetCodecs.describe(wire));
                }
                T value = convert(type, number);
                if (value == null) {
                    throw new IllegalArgumentException("expected a whole number, got " + number);
                }
                WidgetCodecs.checkRange(value, min, max, IllegalArgumentException::new);
                return value;
            }

            @Override
            public Object encode(T value) {
                return value;
            }

            @Override
            public T coerce(Object stateValue, String widgetName) {
                if (stateValue == null) {
                    if (nullable) {
                        return null;
                    }
                    throw new StreamlitApiException("The value of " + widgetName + " cannot be null.");
                }
                if (!(stateValue instanceof Number number) || convert(type, number) == null) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " of "
                            + widgetName + " is not a " + type.getSimpleName() + ".");
                }
                T value = convert(type, number);
                WidgetCodecs.checkRange(value, min, max, StreamlitApiException::new);
                return value;
            }
        };
    }

    /** A [low, high] pair of numbers within [min, max]. */
    static <T extends Number & Comparable<T>> WidgetCodec<Range<T>> range(Class<T> type, T min, T max) {
        WidgetCodec<T> end = number(type, min, max, false);
        return new WidgetCodec<>() {
            @Override
            public Range<T> decode(Object wire) {
                if (!(wire instanceof List<?> list) || list.size() != 2) {
                    throw new IllegalArgumentException("expected [low, high], got " + WidgetCodecs.describe(wire));
                }
                T low = end.decode(list.get(0));
                T high = end.decode(list.get(1));
                if (low.compareTo(high) > 0) {
                    throw new IllegalArgumentException("the low end " + low + " is above the high end " + high);
                }
                return Range.of(low, high);
            }

            @Override
            public Object encode(Range<T> value) {
                return List.of(value.low(), value.high());
            }

            @Override
            public Range<T> coerce(Object stateValue, String widgetName) {
                if (!(stateValue instanceof Range<?> range)) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " of "
                            + widgetName + " is not a Range.");
                }
                return Range.of(end.coerce(range.low(), widgetName), end.coerce(range.high(), widgetName));
            }
        };
    }

    /** {@code number} as {@code type}, or null when it does not fit (a fraction for a whole type, out of range). */
    @SuppressWarnings("unchecked")
    static <T extends Number> T convert(Class<T> type, Number number) {
        double d = number.doubleValue();
        if (type == Double.class) {
            return Double.isFinite(d) ? (T) Double.valueOf(d) : null;
        }
        boolean integral = number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger
                || (Double.isFinite(d) && d == Math.rint(d));
        if (!integral) {
            return null;
        }
        if (type == Long.class) {
            if (number instanceof BigInteger big && big.bitLength() > 63) {
                return null;
            }
            return (T) Long.valueOf(number.longValue());
        }
        long l = number.longValue();
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE || (number instanceof BigInteger big && big.bitLength() > 31)) {
            return null;
        }
        return (T) Integer.valueOf((int) l);
    }
}
