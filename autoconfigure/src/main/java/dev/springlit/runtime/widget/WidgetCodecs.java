package dev.springlit.runtime.widget;

import java.util.List;
import java.util.function.Function;

/** What the drawers' codecs share: option indexes, option labels, range checks and describing a bad value. */
public final class WidgetCodecs {

    private WidgetCodecs() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, E extends RuntimeException> void checkRange(T value, T min, T max, Function<String, E> error) {
        Comparable c = (Comparable) value;
        if ((min != null && c.compareTo(min) < 0) || (max != null && c.compareTo(max) > 0)) {
            throw error.apply("the value " + value + " is outside the range [" + (min == null ? "" : min) + ", "
                    + (max == null ? "" : max) + "]");
        }
    }

    public static int index(Object wire, int size) {
        if (!(wire instanceof Integer i) || i < 0 || i >= size) {
            throw new IllegalArgumentException("expected an option index from 0 to " + (size - 1) + ", got " + describe(wire));
        }
        return i;
    }

    /** How each option is shown (a format function returning null shows "null", as Python's str would). */
    public static <T> List<String> labels(List<T> options, Function<? super T, String> format) {
        return options.stream().map(option -> String.valueOf(format.apply(option))).toList();
    }

    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        if (text.length() > 80) {
            text = text.substring(0, 80) + "…";
        }
        return text + " (" + value.getClass().getSimpleName() + ")";
    }
}
