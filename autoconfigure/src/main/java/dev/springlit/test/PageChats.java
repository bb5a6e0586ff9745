package dev.springlit.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;
import dev.springlit.element.Widget;

/**
 * The page tester's chat accessors: the chat input, chat messages by author, and feedback widgets. A run that
 * streams is waited for like any run, so after {@code run()} a streamed answer is complete.
 */
abstract class PageChats extends PageContainers {

    /** The chat input here (the first one): {@code tester.chatInput().submit("hi").run()}. */
    public ChatInputElement chatInput() {
        return elementsOf(Widget.class).stream().filter(w -> w.kind().equals("chat_input")).findFirst()
                .map(w -> new ChatInputElement(tester(), w))
                .orElseThrow(() -> new AssertionError("The page has no chat input; the elements are " + elements()));
    }

    /** The chat messages here, in page order. */
    public List<ChatMessageElement> chatMessages() {
        List<ChatMessageElement> messages = new ArrayList<>();
        for (int rootIndex = 0; rootIndex < 2; rootIndex++) {
            for (Map.Entry<ElementPath, Block> block : blocks(rootIndex).entrySet()) {
                boolean here = scope() == null ? rootIndex == 0 : block.getKey().startsWith(scope());
                if (block.getValue().kind().equals("chat_message") && here) {
                    messages.add(new ChatMessageElement(block.getValue(), view(block.getKey())));
                }
            }
        }
        return messages;
    }

    /** The chat messages of {@code name} ("user", "assistant", ...), in page order. */
    public List<ChatMessageElement> chatMessages(String name) {
        return chatMessages().stream().filter(m -> name.equals(m.name())).toList();
    }

    /** The {@code st.feedback} widgets here, in page order; {@code setValue(1)} rates like a click. */
    public List<WidgetElement> feedbacks() {
        return widgets().stream().filter(w -> w.kind().equals("feedback")).toList();
    }
}
