package dev.springlit.test;

import java.util.List;
import java.util.stream.Collectors;

import dev.springlit.element.Block;
import dev.springlit.element.Markdown;

/**
 * A chat message the page drew: who speaks, the avatar, and what was drawn into it (a {@link PageTester} view).
 *
 * <pre>{@code
 * List<ChatMessageElement> answers = tester.chatMessages("assistant");
 * assertThat(answers.get(0).text()).isEqualTo("Hello there");
 * answers.get(0).content().feedbacks().get(0).setValue(1).run();
 * }</pre>
 */
public final class ChatMessageElement {

    private final Block block;
    private final PageTester content;

    ChatMessageElement(Block block, PageTester content) {
        this.block = block;
        this.content = content;
    }

    /** The author's name as the page gave it ("user", "assistant", ...). */
    public String name() {
        return (String) block.prop("name");
    }

    /** "user", "assistant", "emoji", "image" or "initial". */
    public String avatarType() {
        return (String) block.prop("avatarType");
    }

    /** The emoji, initial, image URL, or the preset name. */
    public String avatar() {
        return (String) block.prop("avatar");
    }

    /** The elements and widgets drawn into the message. */
    public PageTester content() {
        return content;
    }

    /** The Markdown drawn into the message (a streamed answer included), one element per line. */
    public String text() {
        List<Markdown> parts = content.elementsOf(Markdown.class);
        return parts.stream().map(Markdown::body).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return "chat_message " + name() + ": " + text();
    }
}
