package dev.springlit;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The {@code args} and {@code kwargs} a widget was drawn with, handed to its {@link Callback}.
 * They are bound when the widget is drawn, as in Streamlit.
 *
 * <pre>{@code
 * st.button("Increment", b -> b.onClick(this::increment).kwargs(Map.of("incrementValue", 5)));
 *
 * void increment(CallbackArgs a) {
 *     state.put("count", state.getInt("count") + a.getInt("incrementValue", 0));
 * }
 * }</pre>
 *
 * @param args   positional arguments, in order
 * @param kwargs named arguments
 */
public record CallbackArgs(List<Object> args, Map<String, Object> kwargs) {

    /** No arguments at all. */
    public static final CallbackArgs NONE = new CallbackArgs(List.of(), Map.of());

    public CallbackArgs {
        args = List.copyOf(args);
        kwargs = Map.copyOf(kwargs);
    }

    /** The positional argument at {@code index}. */
    public Object get(int index) {
        if (index < 0 || index >= args.size()) {
            throw new NoSuchElementException("The callback has " + args.size() + " args; there is no args[" + index + "]");
        }
        return args.get(index);
    }

    /** The positional argument at {@code index} as an {@code int}. */
    public int getInt(int index) {
        return ((Number) get(index)).intValue();
    }

    /** The positional argument at {@code index} as a {@code double}. */
    public double getDouble(int index) {
        return ((Number) get(index)).doubleValue();
    }

    /** The named argument {@code name}. */
    public Object get(String name) {
        if (!kwargs.containsKey(name)) {
            throw new NoSuchElementException("The callback has no kwarg \"" + name + "\"; it has " + kwargs.keySet());
        }
        return kwargs.get(name);
    }

    /** The named argument as an {@code int}, or {@code fallback} when it was not given (Python's default value). */
    public int getInt(String name, int fallback) {
        Object value = kwargs.get(name);
        return value == null ? fallback : ((Number) value).intValue();
    }

    /** The named argument as a {@code double}, or {@code fallback} when it was not given. */
    public double getDouble(String name, double fallback) {
        Object value = kwargs.get(name);
        return value == null ? fallback : ((Number) value).doubleValue();
    }
}
