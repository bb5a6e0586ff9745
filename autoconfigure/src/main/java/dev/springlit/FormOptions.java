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

    public boolean isClearOnSubmit() {
        return clearOnSubmit;
    }

    public boolean isEnterToSubmit() {
        return enterToSubmit;
    }

    public boolean isBorder() {
        return border;
    }
}
