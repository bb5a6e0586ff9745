package dev.springlit;

/**
 * Options of {@link St#button(String, java.util.function.Consumer)} and {@code formSubmitButton}.
 *
 * <pre>{@code
 * st.button("Add 5", b -> b.onClick(() -> state.update("count", (Integer c) -> c + 5)).type(ButtonType.PRIMARY));
 * }</pre>
 */
public final class ButtonOptions extends ClickOptions<ButtonOptions> {

    private boolean useContainerWidth;

    /** Stretches the button to the width of its container. */
    public ButtonOptions useContainerWidth(boolean useContainerWidth) {
        this.useContainerWidth = useContainerWidth;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(ButtonOptions options) {
        return new Snapshot(options.useContainerWidth);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param useContainerWidth what the page set, or the default
     */
    public record Snapshot(boolean useContainerWidth) {
    }
}
