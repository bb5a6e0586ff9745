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

    public boolean isUseContainerWidth() {
        return useContainerWidth;
    }
}
