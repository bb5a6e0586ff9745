package dev.springlit.runtime.draw;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.springlit.ColorPickerOptions;
import dev.springlit.DateInputOptions;
import dev.springlit.StreamlitApiException;
import dev.springlit.TimeInputOptions;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetCodecs;

/**
 * Date inputs, time inputs and colour pickers, and their codecs: ISO text ({@code 2024-05-01}, {@code 13:45}) and
 * {@code #rrggbb}, the formats the browser's own pickers use.
 */
final class PickerDrawer {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private PickerDrawer() {
    }

    static LocalDate dateInput(DeltaGenerator st, String label, Consumer<DateInputOptions> options) {
        DateInputOptions o = new DateInputOptions();
        options.accept(o);
        var initial = ValueWidgetOptions.start(o);
        var read = DateInputOptions.snapshot(o);
        LocalDate start = initial.valueGiven() ? initial.value() : LocalDate.now();
        return ValueWidgets.draw(st, WidgetKind.DATE_INPUT, label, o, start, initial.valueGiven(), date(read.min(), read.max()),
                DeltaGenerator.props("min", read.min() == null ? null : read.min().toString(),
                        "max", read.max() == null ? null : read.max().toString()),
                initial.valueGiven() ? start : "today", read.min(), read.max());
    }

    static LocalTime timeInput(DeltaGenerator st, String label, Consumer<TimeInputOptions> options) {
        TimeInputOptions o = new TimeInputOptions();
        options.accept(o);
        var initial = ValueWidgetOptions.start(o);
        var read = TimeInputOptions.snapshot(o);
        LocalTime start = initial.valueGiven() ? initial.value() : LocalTime.now().truncatedTo(ChronoUnit.MINUTES);
        return ValueWidgets.draw(st, WidgetKind.TIME_INPUT, label, o, start, initial.valueGiven(), time(),
                DeltaGenerator.props("step", read.step().toSeconds()), initial.valueGiven() ? start : "now", read.step());
    }

    static String colorPicker(DeltaGenerator st, String label, Consumer<ColorPickerOptions> options) {
        ColorPickerOptions o = new ColorPickerOptions();
        options.accept(o);
        var initial = ValueWidgetOptions.start(o);
        String start = initial.valueGiven() ? initial.value() : "#000000";
        return ValueWidgets.draw(st, WidgetKind.COLOR_PICKER, label, o, start, initial.valueGiven(), color(), Map.of(), start);
    }

    static WidgetCodec<LocalDate> date(LocalDate min, LocalDate max) {
        return new WidgetCodec<>() {
            @Override
            public LocalDate decode(Object wire) {
                if (wire == null) {
                    return null;
                }
                if (!(wire instanceof String text)) {
                    throw new IllegalArgumentException("expected a date as \"YYYY-MM-DD\", got "
                            + WidgetCodecs.describe(wire));
                }
                try {
                    LocalDate date = LocalDate.parse(text);
                    WidgetCodecs.checkRange(date, min, max, IllegalArgumentException::new);
                    return date;
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("expected a date as \"YYYY-MM-DD\", got \"" + text + "\"");
                }
            }

            @Override
            public Object encode(LocalDate value) {
                return value == null ? null : value.toString();
            }

            @Override
            public LocalDate coerce(Object stateValue, String widgetName) {
                if (stateValue != null && !(stateValue instanceof LocalDate)) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " of "
                            + widgetName + " is not a LocalDate.");
                }
                return (LocalDate) stateValue;
            }
        };
    }

    static WidgetCodec<LocalTime> time() {
        return new WidgetCodec<>() {
            @Override
            public LocalTime decode(Object wire) {
                if (wire == null) {
                    return null;
                }
                if (!(wire instanceof String text)) {
                    throw new IllegalArgumentException("expected a time as \"HH:MM\", got " + WidgetCodecs.describe(wire));
                }
                try {
                    return LocalTime.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("expected a time as \"HH:MM\" or \"HH:MM:SS\", got \"" + text + "\"");
                }
            }

            @Override
            public Object encode(LocalTime value) {
                return value == null ? null : value.withNano(0).toString();
            }

            @Override
            public LocalTime coerce(Object stateValue, String widgetName) {
                if (stateValue != null && !(stateValue instanceof LocalTime)) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " of "
                            + widgetName + " is not a LocalTime.");
                }
                return (LocalTime) stateValue;
            }
        };
    }

    static WidgetCodec<String> color() {
        return new WidgetCodec<>() {
            @Override
            public String decode(Object wire) {
                if (!(wire instanceof String text) || !COLOR.matcher(text).matches()) {
                    throw new IllegalArgumentException("expected a colour as \"#rrggbb\", got "
                            + WidgetCodecs.describe(wire));
                }
                return text.toLowerCase(Locale.ROOT);
            }

            @Override
            public Object encode(String value) {
                return value;
            }

            @Override
            public String coerce(Object stateValue, String widgetName) {
                if (!(stateValue instanceof String text) || !COLOR.matcher(text).matches()) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " of "
                            + widgetName + " is not a colour like \"#ff4b4b\".");
                }
                return text;
            }
        };
    }
}
