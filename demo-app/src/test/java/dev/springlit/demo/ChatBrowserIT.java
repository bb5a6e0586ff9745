package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

/**
 * The /chat demo in headless Chromium, used like a person: Enter sends, the answer streams in visibly, the input
 * stays pinned at the bottom and the page follows the newest message, a rating and a second question while an answer streams lose nothing and ask the model
 * once per question [S11.3], and Stop ends a stream within a second. The model bean (about 2 s per answer) counts
 * its calls.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatBrowserIT extends BrowserSupport {

    private static final String CURSOR = "▕";

    @Autowired
    LocalChatModel model;

    private static Locator input(Page p) {
        return p.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("What is up?"));
    }

    private static Locator answers(Page p) {
        return p.locator("[data-sl-chat-name='assistant'] .sl-chat-content");
    }

    private static Locator answerTexts(Page p) {
        return p.locator("[data-sl-chat-name='assistant'] .sl-chat-content .sl-markdown");
    }

    /** A question no other test asks (the model bean is shared). */
    private static String question(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void ask(Page p, String question) {
        input(p).fill(question);
        input(p).press("Enter");
    }

    /** Waits until {@code n} answers are complete: no cursor left, and the page idle. */
    private void awaitAnswers(int n) {
        assertThat(answerTexts(page)).hasCount(n, new com.microsoft.playwright.assertions.LocatorAssertions
                .HasCountOptions().setTimeout(30_000));
        assertThat(page.locator("#sl-main")).not().containsText(CURSOR,
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        awaitIdle();
    }

    @Test
    void enterSendsTheQuestionAndTheAnswerAppearsIncrementally() {
        open("/chat");
        page.evaluate("() => { window.__states = []; new MutationObserver(() => {"
                + " const m = [...document.querySelectorAll(\"[data-sl-chat-name='assistant'] .sl-chat-content\")].pop();"
                + " const t = m ? m.textContent : null;"
                + " if (t && window.__states[window.__states.length - 1] !== t) window.__states.push(t);"
                + " }).observe(document.body, { subtree: true, childList: true, characterData: true }); }");
        String q = question("Hello");
        ask(page, q);
        assertThat(input(page)).hasValue("");
        assertThat(page.locator("[data-sl-chat-name='user']")).containsText(q);
        awaitAnswers(1);

        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) page.evaluate("() => window.__states");
        List<String> partial = states.stream().filter(s -> s.endsWith(CURSOR)).toList();
        System.out.println("ChatBrowserIT: " + partial.size() + " visible intermediate states of one answer");
        assertThat(partial.size()).as("visible intermediate states of a 2 s answer: %s", states)
                .isGreaterThanOrEqualTo(5);
        assertThat(states.get(states.size() - 1)).startsWith("You said \u201c" + q + "\u201d.")
                .contains("while you keep clicking.").doesNotContain(CURSOR);
        assertThat(model.calls(q)).isEqualTo(1);
    }

    @Test
    void theInputStaysPinnedAtTheBottomWhileTheHistoryScrolls() {
        page.setViewportSize(900, 420);
        open("/chat");
        ask(page, question("First"));
        awaitAnswers(1);
        ask(page, question("Second"));
        awaitAnswers(2);

        int viewport = 420;
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollHeight"))
                .as("the history is taller than the window").isGreaterThan(viewport + 200);
        assertThat(answerTexts(page).last()).isInViewport(); // the chat followed the newest answer
        assertThat((Boolean) page.evaluate("() => window.innerHeight + window.scrollY"
                + " >= document.documentElement.scrollHeight - 2")).as("scrolled to the end").isTrue();
        for (String scroll : List.of("0", "document.documentElement.scrollHeight")) {
            page.evaluate("() => window.scrollTo(0, " + scroll + ")");
            BoundingBox box = input(page).boundingBox();
            assertThat(box.y + box.height).as("the input's bottom edge, scrolled to " + scroll)
                    .isBetween(viewport - 80.0, (double) viewport);
        }
        page.mouse().move(890, 10); // no hover effect in the picture
        java.nio.file.Path shot = java.nio.file.Paths.get("target", "screenshots", "chat.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot));
        assertThat(shot).isNotEmptyFile();
        page.evaluate("() => window.scrollTo(0, 0)");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Chat"))).isInViewport();
    }

    @Test
    void aRatingAndASecondQuestionWhileAnAnswerStreamsLoseNothingAndAskTheModelOncePerQuestion() {
        open("/chat");
        String first = question("First");
        ask(page, first);
        awaitAnswers(1);

        String second = question("Second");
        String third = question("Third");
        ask(page, second);
        assertThat(answers(page).nth(1)).containsText(CURSOR); // the second answer is streaming
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thumbs up")).first().click();
        ask(page, third);
        assertThat(page.locator(".sl-chat-content").last()).containsText(CURSOR); // still streaming meanwhile

        awaitAnswers(3);
        assertThat(answerTexts(page).nth(0)).containsText(first);
        assertThat(answerTexts(page).nth(1)).containsText(second);
        assertThat(answerTexts(page).nth(2)).containsText(third);
        assertThat(answerTexts(page).nth(1)).containsText("while you keep clicking.");
        assertThat(page.locator("[data-sl-chat-name='user']")).hasCount(3);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thumbs up")).first())
                .hasAttribute("aria-pressed", "true");
        assertThat(List.of(model.calls(first), model.calls(second), model.calls(third))).containsExactly(1, 1, 1);
    }

    @Test
    void stopEndsAStreamWithinOneSecond() {
        open("/chat");
        String q = question("Tell me a long story");
        ask(page, q);
        assertThat(answers(page).first()).containsText("Springlit reruns your page");
        Locator stop = page.locator("#sl-running .sl-stop");
        assertThat(stop).isVisible();

        page.evaluate("() => { new MutationObserver(() => {"
                + " if (document.body.dataset.slStatus === 'stopped' && !window.__ended) window.__ended = performance.now();"
                + " }).observe(document.body, { attributes: true }); }");
        page.evaluate("() => { window.__clicked = performance.now(); document.querySelector('#sl-running .sl-stop').click(); }");
        assertThat(page.locator("body")).hasAttribute("data-sl-status", "stopped");
        double took = ((Number) page.evaluate("() => window.__ended - window.__clicked")).doubleValue();
        System.out.printf("ChatBrowserIT: Stop ended the stream %.0f ms after the click%n", took);
        assertThat(took).as("ms from Stop to the run's end").isLessThan(1_000);

        String shown = answers(page).first().textContent();
        page.waitForTimeout(500);
        assertThat(answers(page).first().textContent()).as("nothing arrives after Stop").isEqualTo(shown);
        assertThat(shown).doesNotEndWith(CURSOR);
        assertThat(model.calls(q)).as("a stopped answer is not asked again").isEqualTo(1);
        assertThat(page.locator("body")).hasAttribute("data-sl-running", "false");
        assertThat(Pattern.compile("Springlit reruns").matcher(shown).find()).isTrue();
    }
}
