package dev.springlit.web.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.springlit.element.Block;
import dev.springlit.element.Widget;

/** chat_message, chat_input and feedback render from their own template files into the DOM contract the client reads. */
class ChatTemplatesTest {

    private final ElementRenderer renderer = new ElementRenderer(new SpringlitTemplates().engine());

    @Test
    void aChatMessageShowsItsAvatarThenItsChildrenEscapingTheName() {
        String html = renderer.render(new Block("chat_message", Map.of("name", "<b>Ann</b>", "avatarType", "emoji",
                "avatar", "🦖")));
        assertThat(html).startsWith("<div class=\"sl-el sl-block sl-block-chat_message\"")
                .contains("data-sl-block=\"chat_message\"")
                .contains("class=\"sl-chat-message sl-chat-emoji\"")
                .contains("data-sl-chat-name=\"&lt;b&gt;Ann&lt;/b&gt;\"")
                .contains("<span class=\"sl-chat-avatar-text\">🦖</span>")
                .contains("data-sl-children").doesNotContain("<b>").doesNotContain("\n");
        assertThat(html.split("data-sl-children", -1)).hasSize(2);
    }

    @Test
    void userAndAssistantGetBuiltInIconsAndAnImageAvatarIsAnImg() {
        assertThat(renderer.render(new Block("chat_message", Map.of("name", "user", "avatarType", "user",
                "avatar", "user")))).contains("sl-chat-user").contains("<svg");
        assertThat(renderer.render(new Block("chat_message", Map.of("name", "assistant", "avatarType", "assistant",
                "avatar", "assistant")))).contains("sl-chat-assistant").contains("<svg");
        assertThat(renderer.render(new Block("chat_message", Map.of("name", "bot", "avatarType", "image",
                "avatar", "/avatars/bot.png")))).contains("<img src=\"/avatars/bot.png\" alt=\"\">");
    }

    @Test
    void streamedTextIsMarkdownWithItsHtmlEscapedCursorIncluded() {
        String html = renderer.render(dev.springlit.element.Markdown.of("**Hi** <img src=x onerror=alert(1)>▕"));
        assertThat(html).contains("<strong>Hi</strong>").contains("&lt;img src=x onerror=alert(1)&gt;▕")
                .doesNotContain("<img");
    }

    @Test
    void aChatInputIsATextAreaWithASendButtonAndNoLabelRow() {
        String html = renderer.render(new Widget("c1", "chat_input", "Ask <me>", null, false, "collapsed", null,
                Map.of("placeholder", "Ask <me>", "maxChars", 20, "position", "bottom"), null));
        assertThat(html).contains("data-sl-kind=\"chat_input\"")
                .contains("<textarea class=\"sl-input sl-chat-text\" data-sl-input rows=\"1\" autocomplete=\"off\" "
                        + "id=\"sl-in-c1\"")
                .contains("placeholder=\"Ask &lt;me&gt;\"").contains("maxlength=\"20\"")
                .contains("data-sl-chat-send").contains("<span class=\"sl-char-count\" aria-hidden=\"true\">0/20</span>")
                .doesNotContain("sl-widget-head").doesNotContain("\n");
    }

    @Test
    void aFeedbackWidgetIsOneToggleButtonPerRatingWithTheChosenOnePressed() {
        String html = renderer.render(new Widget("f1", "feedback", "thumbs", null, false, "collapsed", 1,
                Map.of("type", "thumbs", "icons", List.of("👎", "👍"), "names", List.of("Thumbs down", "Thumbs up")),
                null));
        assertThat(html).contains("data-sl-kind=\"feedback\"").contains("sl-feedback sl-feedback-thumbs")
                .contains("id=\"sl-in-f1\" value=\"👎\" data-sl-option=\"0\" aria-label=\"Thumbs down\" aria-pressed=\"false\"")
                .contains("id=\"sl-in-f1/1\" value=\"👍\" data-sl-option=\"1\" aria-label=\"Thumbs up\" aria-pressed=\"true\"");
    }
}
