package dev.springlit;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Values that survive reruns, one set per browser tab: Streamlit's {@code st.session_state}.
 * Inject it into a page; the injected object always speaks for the tab whose run is executing.
 *
 * <pre>{@code
 * state.setDefault("count", 0);
 * if (st.button("Increment")) state.put("count", state.getInt("count") + 1);
 * st.write("Count = ", state.get("count"));
 * }</pre>
 *
 * A keyed widget's value is the entry under its key. Reading a missing key throws
 * {@link MissingStateKeyException}; keys beginning with {@code $$} are reserved. Values are stored by
 * reference: mutating a stored list changes the stored list. Used outside a page run (another thread,
 * no tab bound), every method throws {@link IllegalStateException}; a background task uses
 * {@link SessionHandle} instead.
 */
public interface SessionState {

    /** Whether {@code key} has a value (a {@code null} value counts). */
    boolean contains(String key);

    /**
     * The value under {@code key}.
     *
     * @throws MissingStateKeyException when there is no such key
     */
    Object get(String key);

    /** The value under {@code key}, converted to {@code type}; missing keys throw as {@link #get(String)}. */
    <T> T get(String key, Class<T> type);

    /** The typed value under {@code key}. */
    default <T> T get(StateKey<T> key) {
        return get(key.name(), key.type());
    }

    /** The value under {@code key}, or {@code fallback} when there is none (nothing is stored). */
    <T> T getOrDefault(String key, T fallback);

    /** The value as an {@code int}; a stored number of another type is converted. */
    default int getInt(String key) {
        return get(key, Number.class).intValue();
    }

    /** The value as a {@code long}. */
    default long getLong(String key) {
        return get(key, Number.class).longValue();
    }

    /** The value as a {@code double}. */
    default double getDouble(String key) {
        return get(key, Number.class).doubleValue();
    }

    /** The value as a {@code boolean}. */
    default boolean getBoolean(String key) {
        return get(key, Boolean.class);
    }

    /** The value as a {@code String} (not converted: it must be one). */
    default String getString(String key) {
        return get(key, String.class);
    }

    /** Stores {@code value} under {@code key}; a widget with that key shows it when next drawn. */
    void put(String key, Object value);

    /** Stores a typed value. */
    default <T> void put(StateKey<T> key, T value) {
        put(key.name(), value);
    }

    /** Stores {@code value} only when {@code key} is missing; returns the value now stored. */
    @SuppressWarnings("unchecked")
    default <T> T setDefault(String key, T value) {
        if (contains(key)) {
            return (T) get(key);
        }
        put(key, value);
        return value;
    }

    /** Typed {@link #setDefault(String, Object)}. */
    default <T> T setDefault(StateKey<T> key, T value) {
        setDefault(key.name(), value);
        return get(key);
    }

    /**
     * Replaces the value under {@code key} with {@code fn(value)} and returns it.
     *
     * @throws MissingStateKeyException when there is no such key
     */
    @SuppressWarnings("unchecked")
    default <T> T update(String key, UnaryOperator<T> fn) {
        T next = fn.apply((T) get(key));
        put(key, next);
        return next;
    }

    /** Typed {@link #update(String, UnaryOperator)}. */
    default <T> T update(StateKey<T> key, UnaryOperator<T> fn) {
        T next = fn.apply(get(key));
        put(key, next);
        return next;
    }

    /**
     * Removes {@code key}; a widget with that key goes back to its default.
     *
     * @throws MissingStateKeyException when there is no such key
     */
    void remove(String key);

    /** The visible keys: your own and those of keyed widgets. */
    Set<String> keys();

    /** How many visible keys there are. */
    int size();

    /** A snapshot of the visible entries, in no particular order. */
    Map<String, Object> toMap();

    /** Removes every visible key. */
    void clear();
}
