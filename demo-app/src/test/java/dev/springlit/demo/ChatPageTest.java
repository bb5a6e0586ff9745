package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.springlit.test.AutoConfigurePageTester;
import dev.springlit.test.ChatMessageElement;
import dev.springlit.test.PageTester;
import dev.springlit.test.PageTesterFactory;

/** The /chat demo through the PageTester, on the real model bean (its word delay shortened). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "demo.chat.word-delay=1ms")
@AutoConfigurePageTester
class ChatPageTest {

    @Autowired
    PageTesterFactory pages;

    @Autowired
    LocalChatModel model;

    @Test
    void aQuestionIsAnsweredOnceKeptInTheHistoryRatedAndCleared() {
        try (PageTester chat = pages.create(ChatPage.class).run()) {
            assertThat(chat.chatMessages()).isEmpty();
            assertThat(chat.chatInput().placeholder()).isEqualTo("What is up?");

            chat.chatInput().submit("Hello from the tester").run();
            List<ChatMessageElement> answers = chat.chatMessages("assistant");
            assertThat(chat.chatMessages("user")).singleElement()
                    .satisfies(m -> assertThat(m.text()).isEqualTo("Hello from the tester"));
            assertThat(answers).singleElement().satisfies(m -> assertThat(m.text())
                    .startsWith("You said \u201cHello from the tester\u201d. Springlit reruns"));
            assertThat(model.calls("Hello from the tester")).isEqualTo(1);

            answers.get(0).content().feedbacks().get(0).setValue(1).run();
            assertThat(chat.sessionState().get("feedback-1")).isEqualTo(1);
            assertThat(chat.chatMessages()).as("a rerun draws the history, not a new answer").hasSize(2);
            assertThat(model.calls("Hello from the tester")).isEqualTo(1);

            chat.sidebar().button("Clear history").click().run();
            assertThat(chat.chatMessages()).isEmpty();
            assertThat(chat.sessionState().contains("feedback-1")).isFalse();
        }
    }
}
