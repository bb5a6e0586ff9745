package dev.springlit;

/**
 * Options of {@link St#feedback(String, java.util.function.Consumer)}: the starting rating ({@code value}, an
 * index as {@code feedback} returns it), {@code onChange}, key and disabled.
 *
 * <pre>{@code
 * Integer stars = st.feedback("stars", o -> o.key("rating").onChange(() -> state.put("rated", true)));
 * }</pre>
 */
public final class FeedbackOptions extends ValueWidgetOptions<FeedbackOptions, Integer> {
}
