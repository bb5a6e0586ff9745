package dev.springlit.test;

import dev.springlit.element.Button;

/**
 * A button the page drew. {@link #click()} queues the click for the next {@link PageTester#run()}.
 *
 * <pre>{@code
 * tester.button("Increment").click().run();
 * }</pre>
 */
public final class ButtonElement {

    private final PageTester tester;
    private final Button button;

    ButtonElement(PageTester tester, Button button) {
        this.tester = tester;
        this.button = button;
    }

    /** Clicks the button; the click takes effect in the next run. Returns the tester, so {@code .run()} follows. */
    public PageTester click() {
        if (button.disabled()) {
            throw new IllegalStateException("The button \"" + button.label() + "\" is disabled; a user cannot click it.");
        }
        tester.queueTrigger(button.id());
        return tester;
    }

    public String label() {
        return button.label();
    }

    public boolean disabled() {
        return button.disabled();
    }

    public String help() {
        return button.help();
    }

    /** The widget id the browser would send. */
    public String id() {
        return button.id();
    }

    @Override
    public String toString() {
        return "button \"" + button.label() + "\"";
    }
}
