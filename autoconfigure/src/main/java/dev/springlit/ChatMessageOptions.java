package dev.springlit;

/**
 * Options of {@link St#chatMessage(String, java.util.function.Consumer)}: the avatar beside the message. Without
 * one, {@code "user"}/{@code "human"} and {@code "assistant"}/{@code "ai"} get built-in icons and any other name
 * its first letter.
 *
 * <pre>{@code
 * St bubble = st.chatMessage("assistant", o -> o.avatar("🦖"));
 * bubble.markdown("Hello, human!");
 * }</pre>
 */
public final class ChatMessageOptions {

    private String avatar;
    private byte[] avatarImage;

    /**
     * An emoji, {@code "user"} or {@code "assistant"} (their built-in icons), or an http(s) or same-site image URL.
     */
    public ChatMessageOptions avatar(String avatar) {
        this.avatar = avatar;
        this.avatarImage = null;
        return this;
    }

    /** A picture from its bytes (PNG, JPEG, GIF, WebP or SVG). */
    public ChatMessageOptions avatar(byte[] image) {
        this.avatarImage = image == null ? null : image.clone();
        this.avatar = null;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(ChatMessageOptions options) {
        return new Snapshot(options.avatar, options.avatarImage == null ? null : options.avatarImage.clone());
    }

    /**
     * The options as the runtime reads them.
     *
     * @param avatar      an emoji, "user"/"assistant" or an image URL, or {@code null}
     * @param avatarImage a picture's bytes (a copy), or {@code null}
     */
    public record Snapshot(String avatar, byte[] avatarImage) {
    }
}
