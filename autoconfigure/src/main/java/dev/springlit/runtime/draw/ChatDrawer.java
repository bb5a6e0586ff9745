package dev.springlit.runtime.draw;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import dev.springlit.ChatInputOptions;
import dev.springlit.ChatMessageOptions;
import dev.springlit.StreamlitApiException;
import dev.springlit.WidgetOptions;
import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;
import dev.springlit.element.Widget;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.ValueDecoder;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetSpec;

/**
 * {@code st.chatMessage} and {@code st.chatInput} (Streamlit's {@code st.chat_message}, {@code st.chat_input}):
 * what they draw and how a submitted message travels. A chat message is a block (kind {@code chat_message}) whose
 * props say who speaks and which avatar shows; a chat input is a trigger that carries its text
 * ({@code run.ValuedTrigger}).
 */
final class ChatDrawer {

    static final String MESSAGE = "chat_message";

    private ChatDrawer() {
    }

    /** A container for one message of {@code name}, with the avatar the options or the name choose. */
    static DeltaGenerator message(DeltaGenerator st, String name, ChatMessageOptions o) {
        Canvas run = st.run();
        if (name == null || name.isBlank()) {
            throw new StreamlitApiException("The author name is required for a chat message, please set it via the "
                    + "parameter `name`.");
        }
        Map<String, Object> props = DeltaGenerator.props("name", name);
        props.putAll(avatar(name, o));
        return st.block(run, new Block(MESSAGE, props), false, st.formKey());
    }

    /** {@code avatarType} (user, assistant, emoji, image, initial) and {@code avatar} as the template shows them. */
    static Map<String, Object> avatar(String name, ChatMessageOptions o) {
        var avatar = ChatMessageOptions.snapshot(o);
        if (avatar.avatarImage() != null) {
            byte[] image = avatar.avatarImage();
            return Map.of("avatarType", "image", "avatar", "data:" + ImageTypes.of(image) + ";base64,"
                    + Base64.getEncoder().encodeToString(image));
        }
        String given = avatar.avatar();
        String chosen = given != null ? given.strip() : preset(name);
        if (chosen == null) {
            return Map.of("avatarType", "initial", "avatar", name.strip().substring(0, name.strip().offsetByCodePoints(0, 1))
                    .toUpperCase(Locale.ROOT));
        }
        String preset = preset(chosen);
        if (preset != null) {
            return Map.of("avatarType", preset, "avatar", preset);
        }
        if (isEmoji(chosen)) {
            return Map.of("avatarType", "emoji", "avatar", chosen);
        }
        String lower = chosen.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || (lower.startsWith("/") && !lower.startsWith("//"))) {
            return Map.of("avatarType", "image", "avatar", chosen);
        }
        throw new StreamlitApiException("Failed to load the provided avatar value as an image: \"" + chosen + "\". "
                + "Use an emoji, \"user\", \"assistant\", an http(s) or same-site URL, or the image's bytes.");
    }

    /** "user"/"human" → user, "assistant"/"ai" → assistant (Streamlit's preset names), else null. */
    private static String preset(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "user", "human" -> "user";
            case "assistant", "ai" -> "assistant";
            default -> null;
        };
    }

    /** One emoji (a few code points joined or modified), no letters or digits. */
    static boolean isEmoji(String text) {
        int count = text.codePointCount(0, text.length());
        return count >= 1 && count <= 10 && text.codePoints().noneMatch(Character::isLetterOrDigit)
                && text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL
                        || Character.getType(cp) == Character.SURROGATE);
    }

    /** The chat input: the text the user sent in the run that sending causes, else null. */
    static String input(DeltaGenerator st, String placeholder, ChatInputOptions o) {
        var common = WidgetOptions.common(o);
        var chat = ChatInputOptions.snapshot(o);
        Canvas run = st.run();
        if (st.formKey() != null) {
            throw new StreamlitApiException("chatInput() can't be used in a form().");
        }
        String shown = placeholder == null ? "" : placeholder;
        WidgetSpec spec = new WidgetSpec(WidgetKind.CHAT_INPUT, shown, common.key(), new Object[] {chat.maxChars()}, null, false, true,
                false, chat.onSubmit(), common.callbackArgs(), submitted(chat.maxChars()));
        String text = (String) run.registerWidget(spec, null);
        boolean bottom = st.path().equals(ElementPath.MAIN);
        st.emit(new Widget(spec.id(run.page().path(), null), WidgetKind.CHAT_INPUT, shown, common.help(), common.disabled(), "collapsed", null,
                DeltaGenerator.props("placeholder", shown, "maxChars", chat.maxChars(),
                        "position", bottom ? "bottom" : "inline"), null));
        return text;
    }

    /** A submitted message: text, not empty, within maxChars. */
    static ValueDecoder submitted(Integer maxChars) {
        WidgetCodec<String> text = TextInputDrawer.text(maxChars);
        return wire -> {
            String message = text.decode(wire);
            if (message == null || message.isEmpty()) {
                throw new IllegalArgumentException("a chat message must not be empty");
            }
            return message;
        };
    }
}
