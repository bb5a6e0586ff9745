package dev.springlit.test;

import dev.springlit.element.Widget;

/**
 * A chat input the page drew. {@link #submit(String)} sends a message as the user would (text and submission in
 * one interaction) for the next {@link PageTester#run()}.
 *
 * <pre>{@code
 * tester.chatInput().submit("hi").run();
 * assertThat(tester.chatMessages("assistant").get(0).text()).isEqualTo("Echo: hi");
 * }</pre>
 */
public final class ChatInputElement {

    private final PageTester tester;
    private final Widget widget;

    ChatInputElement(PageTester tester, Widget widget) {
        this.tester = tester;
        this.widget = widget;
    }

    /** Sends {@code text}; the page gets it from {@code st.chatInput} in the next run only. */
    public PageTester submit(String text) {
        if (widget.disabled()) {
            throw new IllegalStateException("The chat input \"" + placeholder() + "\" is disabled; a user cannot send.");
        }
        tester.queueValue(widget.id(), text);
        tester.queueTrigger(widget.id());
        return tester;
    }

    public String placeholder() {
        return widget.label();
    }

    public boolean disabled() {
        return widget.disabled();
    }

    /** The longest message it takes, or {@code null}. */
    public Integer maxChars() {
        return (Integer) widget.prop("maxChars");
    }

    /** {@code "bottom"} when drawn in the main body (pinned), else {@code "inline"}. */
    public String position() {
        return (String) widget.prop("position");
    }

    /** The widget's key, or {@code null}. */
    public String key() {
        return widget.id().startsWith("$$k:") ? widget.id().substring(4) : null;
    }

    @Override
    public String toString() {
        return "chat_input \"" + placeholder() + "\"";
    }
}
