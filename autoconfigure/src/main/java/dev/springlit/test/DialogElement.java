package dev.springlit.test;

import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;

/**
 * The dialog the page opened ({@code st.dialog}), as the tester sees it: its title, width and body, and the visitor's
 * way to close it. Its body behaves as a fragment: a click inside reruns only the body.
 *
 * <pre>{@code
 * tester.button("Edit item").click().run();
 * tester.dialog().body().textInput("Name").input("Ada").run();
 * tester.dialog().dismiss().run();
 * assertThat(tester.isDialogOpen()).isFalse();
 * }</pre>
 */
public final class DialogElement {

    private final PageTester tester;
    private final ElementPath path;
    private final Block block;

    DialogElement(PageTester tester, ElementPath path, Block block) {
        this.tester = tester;
        this.path = path;
        this.block = block;
    }

    public String title() {
        return String.valueOf(block.prop("title"));
    }

    /** {@code small}, {@code medium} or {@code large}. */
    public String width() {
        return String.valueOf(block.prop("width"));
    }

    public boolean dismissible() {
        return Boolean.TRUE.equals(block.prop("dismissible"));
    }

    /** What the dialog shows, with the accessors of the page (widgets to click, texts to read). */
    public PageTester body() {
        return tester.view(path);
    }

    /**
     * Closes the dialog as × or Escape does: the next {@link PageTester#run()} calls its onDismiss and reruns the page.
     *
     * @throws IllegalStateException when the dialog is not dismissible (the browser offers no way to)
     */
    public PageTester dismiss() {
        if (!dismissible()) {
            throw new IllegalStateException(this + " is not dismissible; a user cannot close it.");
        }
        tester.queueTrigger(String.valueOf(block.prop("id")));
        return tester;
    }

    @Override
    public String toString() {
        return "dialog \"" + title() + "\"";
    }
}
