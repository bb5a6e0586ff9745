package dev.springlit.runtime.run;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Reading a session-state value as a type: a stored number converts to the number type asked for. */
public final class StateValues {

    private StateValues() {
    }

    /**
     * {@code value} (stored under {@code key}) as {@code type}: numbers are converted, anything else must already
     * be of that type.
     *
     * @throws ClassCastException naming the key and both types when it is not
     */
    @SuppressWarnings("unchecked")
    public static <T> T convert(String key, Object value, Class<T> type) {
        if (value == null || type.isInstance(value)) {
            return (T) value;
        }
        if (value instanceof Number number) {
            Object converted = convertNumber(number, type);
            if (converted != null) {
                return (T) converted;
            }
        }
        throw new ClassCastException("SessionState key \"" + key + "\" holds a " + value.getClass().getName()
                + ", not a " + type.getName() + ".");
    }

    private static Object convertNumber(Number number, Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return number.intValue();
        } else if (type == Long.class || type == long.class) {
            return number.longValue();
        } else if (type == Double.class || type == double.class) {
            return number.doubleValue();
        } else if (type == Float.class || type == float.class) {
            return number.floatValue();
        } else if (type == Short.class || type == short.class) {
            return number.shortValue();
        } else if (type == BigDecimal.class) {
            return new BigDecimal(number.toString());
        } else if (type == BigInteger.class) {
            return BigInteger.valueOf(number.longValue());
        }
        return null;
    }
}
