package dev.springlit.runtime;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.springlit.Range;
import dev.springlit.StreamlitApiException;
import dev.springlit.UploadedFile;

/** The codecs of the built-in widgets. */
final class WidgetCodecs {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private WidgetCodecs() {
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
                    throw new IllegalArgumentException("expected a number, got " + describe(wire));
                }
                T value = convert(type, number);
                if (value == null) {
                    throw new IllegalArgumentException("expected a whole number, got " + number);
                }
                checkRange(value, min, max, IllegalArgumentException::new);
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
                    throw new StreamlitApiException("The value " + describe(stateValue) + " of " + widgetName
                            + " is not a " + type.getSimpleName() + ".");
                }
                T value = convert(type, number);
                checkRange(value, min, max, StreamlitApiException::new);
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
                    throw new IllegalArgumentException("expected [low, high], got " + describe(wire));
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
                    throw new StreamlitApiException("The value " + describe(stateValue) + " of " + widgetName
                            + " is not a Range.");
                }
                return Range.of(end.coerce(range.low(), widgetName), end.coerce(range.high(), widgetName));
            }
        };
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
                    throw new IllegalArgumentException("expected text, got " + describe(wire));
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
                throw new StreamlitApiException("The value " + describe(stateValue) + " of " + widgetName
                        + " is not text.");
            }
        };
    }

    static WidgetCodec<Boolean> bool() {
        return new WidgetCodec<>() {
            @Override
            public Boolean decode(Object wire) {
                if (!(wire instanceof Boolean value)) {
                    throw new IllegalArgumentException("expected true or false, got " + describe(wire));
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
                    throw new StreamlitApiException("The value " + describe(stateValue) + " of " + widgetName
                            + " is not true or false.");
                }
                return value;
            }
        };
    }

    /** One of {@code options} (sent as its index), or {@code null} for none. */
    static <T> WidgetCodec<T> choice(List<T> options, Function<? super T, String> format) {
        return new WidgetCodec<>() {
            @Override
            public T decode(Object wire) {
                if (wire == null) {
                    return null;
                }
                return options.get(index(wire, options.size()));
            }

            @Override
            public Object encode(T value) {
                return value == null ? null : options.indexOf(value);
            }

            @Override
            public T coerce(Object stateValue, String widgetName) {
                if (stateValue != null && !options.contains(stateValue)) {
                    throw new StreamlitApiException("The value " + describe(stateValue) + " set for " + widgetName
                            + " is not one of its options: " + labels(options, format) + ".");
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
                    throw new IllegalArgumentException("expected a list of option indexes, got " + describe(wire));
                }
                Set<Integer> indexes = new LinkedHashSet<>();
                for (Object item : list) {
                    indexes.add(index(item, options.size()));
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
                    throw new StreamlitApiException("The value " + describe(stateValue) + " of " + widgetName
                            + " is not a list.");
                }
                List<T> chosen = new ArrayList<>();
                for (Object value : values) {
                    if (!options.contains(value)) {
                        throw new StreamlitApiException("The value " + describe(value) + " set for " + widgetName
                                + " is not one of its options: " + labels(options, format) + ".");
                    }
                    @SuppressWarnings("unchecked")
                    T typed = (T) value;
                    chosen.add(typed);
                }
                return List.copyOf(chosen);
            }
        };
    }

    static WidgetCodec<LocalDate> date(LocalDate min, LocalDate max) {
        return new WidgetCodec<>() {
            @Override
            public LocalDate decode(Object wire) {
                if (wire == null) {
                    return null;
                }
                if (!(wire instanceof String text)) {
                    throw new IllegalArgumentException("expected a date as \"YYYY-MM-DD\", got " + describe(wire));
                }
                try {
                    LocalDate date = LocalDate.parse(text);
                    checkRange(date, min, max, IllegalArgumentException::new);
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
                    throw new StreamlitApiException("The value " + describe(stateValue) + " of " + widgetName
                            + " is not a LocalDate.");
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
                    throw new IllegalArgumentException("expected a time as \"HH:MM\", got " + describe(wire));
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
                    throw new StreamlitApiException("The value " + describe(stateValue) + " of " + widgetName
                            + " is not a LocalTime.");
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
                    throw new IllegalArgumentException("expected a colour as \"#rrggbb\", got " + describe(wire));
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
                    throw new StreamlitApiException("The value " + describe(stateValue) + " of " + widgetName
                            + " is not a colour like \"#ff4b4b\".");
                }
                return text;
            }
        };
    }

    /** Uploaded files, sent as the list of their ids; {@code multiple} false: at most one. */
    static WidgetCodec<List<UploadedFile>> files(SessionFiles store, String widgetId, boolean multiple) {
        return new WidgetCodec<>() {
            @Override
            public List<UploadedFile> decode(Object wire) {
                if (!(wire instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                    throw new IllegalArgumentException("expected a list of upload ids, got " + describe(wire));
                }
                if (!multiple && list.size() > 1) {
                    throw new IllegalArgumentException("this uploader takes one file");
                }
                return List.copyOf(store.resolve(widgetId, list.stream().map(String.class::cast).toList()));
            }

            @Override
            public Object encode(List<UploadedFile> value) {
                return value.stream().map(UploadedFile::id).toList();
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<UploadedFile> coerce(Object stateValue, String widgetName) {
                return stateValue == null ? List.of() : (List<UploadedFile>) stateValue;
            }
        };
    }

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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T, E extends RuntimeException> void checkRange(T value, T min, T max, Function<String, E> error) {
        Comparable c = (Comparable) value;
        if ((min != null && c.compareTo(min) < 0) || (max != null && c.compareTo(max) > 0)) {
            throw error.apply("the value " + value + " is outside the range [" + (min == null ? "" : min) + ", "
                    + (max == null ? "" : max) + "]");
        }
    }

    static int index(Object wire, int size) {
        if (!(wire instanceof Integer i) || i < 0 || i >= size) {
            throw new IllegalArgumentException("expected an option index from 0 to " + (size - 1) + ", got " + describe(wire));
        }
        return i;
    }

    /** How each option is shown (a format function returning null shows "null", as Python's str would). */
    static <T> List<String> labels(List<T> options, Function<? super T, String> format) {
        return options.stream().map(option -> String.valueOf(format.apply(option))).toList();
    }

    static String describe(Object value) {
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
