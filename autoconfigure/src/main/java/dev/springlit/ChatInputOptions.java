package dev.springlit;

/**
 * Options of {@link St#chatInput(String, java.util.function.Consumer)}: a length limit, an {@code onSubmit}
 * callback, and the options every widget shares (key, disabled, args/kwargs). File attachments are not offered.
 *
 * <pre>{@code
 * String prompt = st.chatInput("Say something", o -> o.maxChars(500).onSubmit(() -> state.put("asked", true)));
 * }</pre>
 */
public final class ChatInputOptions extends WidgetOptions<ChatInputOptions> {

    private Integer maxChars;
    private Callback onSubmit;

    /** The longest message the user may send; a longer one is refused with an error and never reaches the page. */
    public ChatInputOptions maxChars(Integer maxChars) {
        if (maxChars != null && maxChars < 1) {
            throw new StreamlitApiException("maxChars must be at least 1, not " + maxChars + ".");
        }
        this.maxChars = maxChars;
        return this;
    }

    /** Runs when the user sends a message, before the page body of the run the submission causes. */
    public ChatInputOptions onSubmit(Runnable onSubmit) {
        this.onSubmit = onSubmit == null ? null : args -> onSubmit.run();
        return this;
    }

    /** Runs when the user sends a message and receives the {@link #args}/{@link #kwargs} given here. */
    public ChatInputOptions onSubmit(Callback onSubmit) {
        this.onSubmit = onSubmit;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(ChatInputOptions options) {
        return new Snapshot(options.maxChars, options.onSubmit);
    }

    /** The options as the runtime reads them (the shared ones through {@link WidgetOptions#common}). */
    public record Snapshot(Integer maxChars, Callback onSubmit) {
    }
}
