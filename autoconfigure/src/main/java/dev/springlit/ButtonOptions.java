package dev.springlit;

/**
 * Options of {@link St#button(String, java.util.function.Consumer)}.
 *
 * <pre>{@code
 * st.button("Add 5", b -> b.onClick(() -> state.update("count", (Integer c) -> c + 5)).type(ButtonType.PRIMARY));
 * }</pre>
 */
public final class ButtonOptions extends WidgetOptions<ButtonOptions> {

    private Callback onClick;
    private ButtonType type = ButtonType.SECONDARY;
    private String icon;
    private boolean useContainerWidth;

    /** Runs when the button is clicked, before the page body of the run the click causes. */
    public ButtonOptions onClick(Runnable onClick) {
        this.onClick = onClick == null ? null : args -> onClick.run();
        return this;
    }

    /** Runs when the button is clicked and receives the {@link #args}/{@link #kwargs} given here. */
    public ButtonOptions onClick(Callback onClick) {
        this.onClick = onClick;
        return this;
    }

    /** The button's emphasis. */
    public ButtonOptions type(ButtonType type) {
        this.type = type;
        return this;
    }

    /** An emoji shown before the label. */
    public ButtonOptions icon(String icon) {
        this.icon = icon;
        return this;
    }

    /** Stretches the button to the width of its container. */
    public ButtonOptions useContainerWidth(boolean useContainerWidth) {
        this.useContainerWidth = useContainerWidth;
        return this;
    }

    public Callback getOnClick() {
        return onClick;
    }

    public ButtonType getType() {
        return type;
    }

    public String getIcon() {
        return icon;
    }

    public boolean isUseContainerWidth() {
        return useContainerWidth;
    }
}
