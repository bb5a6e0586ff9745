package dev.springlit;

import java.util.Objects;

/**
 * How {@link St#dialog(String, DialogOptions, java.util.function.Consumer)} opens its modal: width, whether the
 * visitor may dismiss it (×, Escape, a click outside) and what runs when they do. Immutable: each method returns
 * new options.
 *
 * <pre>{@code
 * st.dialog("Edit item", DialogOptions.width(DialogWidth.LARGE).dismissible(false), d -> {
 *     String name = d.textInput("Name", o -> o.key("name"));
 *     if (d.button("Save")) { state.put("saved", name); d.rerun(); }
 * });
 * }</pre>
 */
public final class DialogOptions {

    private static final DialogOptions DEFAULTS = new DialogOptions(DialogWidth.SMALL, true, null);

    private final DialogWidth width;
    private final boolean dismissible;
    private final Runnable onDismiss;

    private DialogOptions(DialogWidth width, boolean dismissible, Runnable onDismiss) {
        this.width = width;
        this.dismissible = dismissible;
        this.onDismiss = onDismiss;
    }

    /** A small, dismissible dialog without a dismiss callback: Streamlit's defaults. */
    public static DialogOptions defaults() {
        return DEFAULTS;
    }

    /** The defaults with this width. */
    public static DialogOptions width(DialogWidth width) {
        return DEFAULTS.withWidth(width);
    }

    /** These options with another width. */
    public DialogOptions withWidth(DialogWidth width) {
        return new DialogOptions(Objects.requireNonNull(width, "width"), dismissible, onDismiss);
    }

    /**
     * Whether ×, Escape and a click outside close the dialog (true by default). A dialog that is not dismissible
     * shows no × and stays open until a run no longer draws it, typically after {@code st.rerun()} in its body.
     */
    public DialogOptions dismissible(boolean dismissible) {
        return new DialogOptions(width, dismissible, onDismiss);
    }

    /**
     * Runs when the visitor dismisses the dialog, before the page reruns (as a widget callback: the page body
     * follows and sees what it wrote).
     */
    public DialogOptions onDismiss(Runnable onDismiss) {
        return new DialogOptions(width, dismissible, onDismiss);
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(DialogOptions options) {
        return new Snapshot(options.width, options.dismissible, options.onDismiss);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param width       what the page set, or small
     * @param dismissible what the page set, or true
     * @param onDismiss   the dismiss callback, or {@code null}
     */
    public record Snapshot(DialogWidth width, boolean dismissible, Runnable onDismiss) {
    }
}
