package dev.springlit;

/** Options of {@code st.form}: {@code o -> o.clearOnSubmit(true)}. */
public final class FormOptions {

    private boolean clearOnSubmit;
    private boolean enterToSubmit = true;
    private boolean border = true;

    /** After a submit, the form's widgets go back to their defaults (the submit run still sees the values). */
    public FormOptions clearOnSubmit(boolean clearOnSubmit) {
        this.clearOnSubmit = clearOnSubmit;
        return this;
    }

    /** Whether Enter in a text or number input submits the form (true by default). */
    public FormOptions enterToSubmit(boolean enterToSubmit) {
        this.enterToSubmit = enterToSubmit;
        return this;
    }

    /** Whether the form is drawn with a border (true by default). */
    public FormOptions border(boolean border) {
        this.border = border;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(FormOptions options) {
        return new Snapshot(options.clearOnSubmit, options.enterToSubmit, options.border);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param clearOnSubmit what the page set, or the default
     * @param enterToSubmit what the page set, or the default
     * @param border what the page set, or the default
     */
    public record Snapshot(boolean clearOnSubmit, boolean enterToSubmit, boolean border) {
    }
}
