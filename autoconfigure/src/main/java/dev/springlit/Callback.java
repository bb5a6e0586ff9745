package dev.springlit;

/**
 * A widget callback that receives the widget's {@code args}/{@code kwargs}. For a callback without
 * arguments pass a {@link Runnable} instead.
 *
 * <pre>{@code
 * st.button("Decrement", b -> b.onClick(a -> state.update("count", (Integer c) -> c - a.getInt("decrementValue", 0)))
 *                              .kwargs(Map.of("decrementValue", 1)));
 * }</pre>
 */
@FunctionalInterface
public interface Callback {

    /** Runs before the page body of the run the interaction causes. */
    void call(CallbackArgs args);
}
