package dev.springlit;

import java.util.Objects;

/**
 * A typed {@link SessionState} key: {@code state.get(COUNT)} is an {@code Integer} at compile time.
 *
 * <pre>{@code
 * static final StateKey<Integer> COUNT = StateKey.of("count", Integer.class);
 * state.setDefault(COUNT, 0);
 * state.put(COUNT, state.get(COUNT) + 1);
 * }</pre>
 *
 * @param name the key in session state; the same entry as {@code state.get(name)}
 * @param type the value's type, checked on every read
 * @param <T>  the value's type
 */
public record StateKey<T>(String name, Class<T> type) {

    public StateKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A key named {@code name} holding values of {@code type}. */
    public static <T> StateKey<T> of(String name, Class<T> type) {
        return new StateKey<>(name, type);
    }

    @Override
    public String toString() {
        return name;
    }
}
