package dev.springlit.test;

import dev.springlit.element.Button;

/**
 * A button the page drew. {@link #click()} queues the click for the next {@link PageTester#run()}. A form's submit
 * button is a button too, as in Streamlit's {@code AppTest}: clicking it submits the form.
 *
 * <pre>{@code
 * tester.button("Increment").click().run();
 * tester.button("Save").click().run();   // form.formSubmitButton("Save")
 * }</pre>
 */
public final class ButtonElement {

    private final PageTester tester;
    private final Button button;
    /** A form's submit button, or null for a plain button. */
    private final WidgetElement submit;

    ButtonElement(PageTester tester, Button button) {
        this.tester = tester;
        this.button = button;
        this.submit = null;
    }

    /** A form's submit button, clicked through its widget (which sends the form's pending values). */
    ButtonElement(PageTester tester, WidgetElement submit) {
        this.tester = tester;
        this.button = null;
        this.submit = submit;
    }

    /** Clicks the button; the click takes effect in the next run. Returns the tester, so {@code .run()} follows. */
    public PageTester click() {
        if (submit != null) {
            return submit.click();
        }
        if (button.disabled()) {
            throw new IllegalStateException("The button \"" + button.label() + "\" is disabled; a user cannot click it.");
        }
        tester.queueTrigger(button.id());
        return tester;
    }

    public String label() {
        return submit != null ? submit.label() : button.label();
    }

    public boolean disabled() {
        return submit != null ? submit.disabled() : button.disabled();
    }

    public String help() {
        return submit != null ? submit.help() : button.help();
    }

    /** The widget id the browser would send ({@code null} for a form's submit button, sent with its form). */
    public String id() {
        return submit != null ? null : button.id();
    }

    @Override
    public String toString() {
        return (submit != null ? "form submit button \"" : "button \"") + label() + "\"";
    }
}
