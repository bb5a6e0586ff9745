package dev.springlit;

/**
 * Options every clickable widget shares (buttons, download buttons, form submit buttons): the click callback,
 * the emphasis and an icon.
 *
 * <pre>{@code
 * st.button("Add 5", b -> b.onClick(() -> state.update("count", (Integer c) -> c + 5)).type(ButtonType.PRIMARY));
 * }</pre>
 *
 * @param <S> the concrete options type, so that calls chain
 */
public abstract class ClickOptions<S extends ClickOptions<S>> extends WidgetOptions<S> {

    private Callback onClick;
    private ButtonType type = ButtonType.SECONDARY;
    private String icon;

    /** Runs when the button is clicked, before the page body of the run the click causes. */
    public S onClick(Runnable onClick) {
        this.onClick = onClick == null ? null : args -> onClick.run();
        return self();
    }

    /** Runs when the button is clicked and receives the {@link #args}/{@link #kwargs} given here. */
    public S onClick(Callback onClick) {
        this.onClick = onClick;
        return self();
    }

    /** The button's emphasis. */
    public S type(ButtonType type) {
        this.type = type;
        return self();
    }

    /** An emoji shown before the label. */
    public S icon(String icon) {
        this.icon = icon;
        return self();
    }

    /** What the runtime reads of a button's click options: kept off the options so pages see only setters. */
    public static Click click(ClickOptions<?> options) {
        return new Click(options.onClick, options.type, options.icon);
    }

    /** A button's click options, as the runtime reads them. */
    public record Click(Callback onClick, ButtonType type, String icon) {
    }
}
