package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.springlit.SessionState;
import dev.springlit.element.Markdown;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Chat and streaming as a user drives them through the page tester: S11.1 (chatInput), S11.2 (writeStream), the
 * chat message container and st.feedback, with Streamlit's errors.
 */
class ChatTest {

    private final SessionState state = PageTester.sessionStateProxy();

    // ---- S11.1 chatInput ---------------------------------------------------------------------------------

    @Test
    void s11_1_chatInputReturnsTheTextOnlyInTheRunItsSubmissionCauses() {
        try (PageTester t = PageTester.of(st -> {
            st.toggle("Details");
            st.write("Got " + st.chatInput("Say something"));
        }).run()) {
            assertThat(t.markdown(0).value()).isEqualTo("Got null");
            assertThat(t.chatInput().placeholder()).isEqualTo("Say something");

            t.chatInput().submit("hi").run();
            assertThat(t.markdown(0).value()).isEqualTo("Got hi");

            t.run();
            assertThat(t.markdown(0).value()).as("a plain rerun").isEqualTo("Got null");
            t.widget("Details").check().run();
            assertThat(t.markdown(0).value()).as("another widget's change").isEqualTo("Got null");
        }
    }

    @Test
    void s11_1_onSubmitRunsBeforeThePageBodyWithItsArgsAndKwargsAndTheKeyHoldsTheText() {
        List<String> calls = new ArrayList<>();
        try (PageTester t = PageTester.of(st -> {
            String prompt = st.chatInput("Ask", o -> o.key("prompt").args("a").kwargs(Map.of("k", 1))
                    .onSubmit(args -> calls.add(args.args() + " " + args.kwargs() + " " + state.get("prompt"))));
            st.write("Got " + prompt + ", state " + state.get("prompt"));
        }).run()) {
            t.chatInput().submit("hello").run();
            assertThat(calls).containsExactly("[a] {k=1} hello");
            assertThat(t.markdown(0).value()).isEqualTo("Got hello, state hello");
            t.run();
            assertThat(t.markdown(0).value()).isEqualTo("Got null, state null");
            assertThat(calls).hasSize(1);
        }
    }

    @Test
    void s11_1_chatInputCannotBeSetThroughSessionState() {
        try (PageTester t = PageTester.of(st -> st.chatInput("Ask", o -> o.key("prompt"))).run()) {
            t.sessionState().put("prompt", "forged");
            t.run();
            assertThat(t.exceptions()).singleElement().satisfies(e -> assertThat(e.message())
                    .isEqualTo("Values for the widget with key \"prompt\" cannot be set using SessionState."));
        }
    }

    @Test
    void s11_1_chatInputCannotBeUsedInAForm() {
        try (PageTester t = PageTester.of(st -> st.form("f", o -> { }, f -> {
            f.chatInput("Ask");
            f.formSubmitButton("Send");
        })).run()) {
            assertThat(t.exceptions()).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("chatInput() can't be used in a form()."));
        }
    }

    @Test
    void s11_1_aMessageOverMaxCharsIsRefusedWithAClearErrorAndNeverReachesThePage() {
        try (PageTester t = PageTester.of(st -> st.write("Got " + st.chatInput("Ask", o -> o.maxChars(5)))).run()) {
            assertThat(t.chatInput().maxChars()).isEqualTo(5);
            t.chatInput().submit("too long").run();
            assertThat(t.markdown(0).value()).isEqualTo("Got null");
            assertThat(t.protocolErrors()).singleElement().asString()
                    .contains("the text has 8 characters; at most 5 are allowed");
            t.chatInput().submit("short").run();
            assertThat(t.markdown(0).value()).as("the session keeps working").isEqualTo("Got short");
        }
    }

    @Test
    void s11_1_aChatInputIsPinnedInTheMainBodyAndInlineInAContainerOrTheSidebar() {
        try (PageTester t = PageTester.of(st -> {
            st.container().chatInput("In a container");
            st.sidebar().chatInput("In the sidebar");
            st.chatInput("At the bottom");
        }).run()) {
            assertThat(t.containers().get(0).chatInput().position()).isEqualTo("inline");
            assertThat(t.sidebar().chatInput().position()).isEqualTo("inline");
            assertThat(t.elementsOf(dev.springlit.element.Widget.class)).extracting(w -> w.prop("position"))
                    .containsExactly("inline", "bottom");
        }
    }

    @Test
    void aDisabledChatInputCannotBeUsed() {
        try (PageTester t = PageTester.of(st -> st.chatInput("Ask", o -> o.disabled(true))).run()) {
            assertThatThrownBy(() -> t.chatInput().submit("hi")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("disabled");
        }
    }

    // ---- chatMessage -----------------------------------------------------------------------------------

    @Test
    void aChatMessageIsAContainerWithTheAvatarItsNameOrOptionsChoose() {
        try (PageTester t = PageTester.of(st -> {
            st.chatMessage("user").markdown("Hello");
            st.chatMessage("ai").markdown("Hi, human");
            st.chatMessage("Ann").write("I am Ann");
            st.chatMessage("assistant", o -> o.avatar("🦖")).markdown("Roar");
            st.chatMessage("bot", o -> o.avatar("/bot.png")).markdown("Beep");
        }).run()) {
            assertThat(t.chatMessages()).extracting(ChatMessageElement::name, ChatMessageElement::avatarType,
                    ChatMessageElement::avatar, ChatMessageElement::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("user", "user", "user", "Hello"),
                    org.assertj.core.groups.Tuple.tuple("ai", "assistant", "assistant", "Hi, human"),
                    org.assertj.core.groups.Tuple.tuple("Ann", "initial", "A", "I am Ann"),
                    org.assertj.core.groups.Tuple.tuple("assistant", "emoji", "🦖", "Roar"),
                    org.assertj.core.groups.Tuple.tuple("bot", "image", "/bot.png", "Beep"));
            assertThat(t.chatMessages("assistant")).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("Roar"));
        }
    }

    @Test
    void aChatMessageWithoutANameOrWithAnAvatarThatIsNoImageIsAnError() {
        try (PageTester t = PageTester.of(st -> st.chatMessage(" ")).run()) {
            assertThat(t.exceptions()).singleElement().satisfies(e -> assertThat(e.message())
                    .startsWith("The author name is required for a chat message"));
        }
        try (PageTester t = PageTester.of(st -> st.chatMessage("bot", o -> o.avatar("javascript:alert(1)"))).run()) {
            assertThat(t.exceptions()).singleElement().satisfies(e -> assertThat(e.message())
                    .startsWith("Failed to load the provided avatar value as an image"));
        }
    }

    // ---- S11.2 writeStream -------------------------------------------------------------------------------

    @Test
    void s11_2_writeStreamReturnsTheWholeTextFromEverySourceKind() {
        List<Supplier<Object>> sources = List.of(
                () -> Stream.of("Hello", ", ", "world"),
                () -> List.of("Hello", ", ", "world").iterator(),
                () -> List.of("Hello", ", ", "world"),
                () -> Flux.just("Hello", ", ", "world").delayElements(Duration.ofMillis(5)),
                () -> {
                    Iterator<String> words = List.of("Hello", ", ", "world").iterator();
                    return (Supplier<String>) () -> words.hasNext() ? words.next() : null;
                });
        for (Supplier<Object> source : sources) {
            AtomicReference<String> returned = new AtomicReference<>();
            try (PageTester t = PageTester.of(st -> returned.set(st.writeStream(source.get()))).run()) {
                assertThat(returned).as("returned").hasValue("Hello, world");
                assertThat(t.markdowns()).extracting(TextElement::value).as("shown, without the cursor")
                        .containsExactly("Hello, world");
            }
        }
    }

    @Test
    void s11_2_writeStreamShowsChunksAsTheyArrive() {
        List<String> seen = new ArrayList<>();
        AtomicReference<PageTester> tester = new AtomicReference<>();
        Iterator<String> words = List.of("One", " two", " three", " four").iterator();
        StringBuilder sent = new StringBuilder();
        try (PageTester t = PageTester.of(st -> st.writeStream((Supplier<String>) () -> {
            // The next chunk comes only once the last one shows (or after 5 s: then the stale text is recorded and the
            // assertion fails), so a loaded machine's late flush does not count as a chunk left undrawn.
            String expected = sent.isEmpty() ? "" : sent + "▕";
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            String shown = shownText(tester.get());
            while (!shown.equals(expected) && System.nanoTime() < deadline) {
                pause(5);
                shown = shownText(tester.get());
            }
            seen.add(shown);
            String next = words.hasNext() ? words.next() : null;
            if (next != null) {
                sent.append(next);
            }
            return next;
        }))) {
            tester.set(t);
            // Each of the five chunks may wait up to 5 s for the last to show; the run's own bound must not be
            // shorter than those waits together, or a loaded machine fails the run instead of the assertion.
            t.run(Duration.ofSeconds(30));
            assertThat(seen).containsExactly("", "One▕", "One two▕", "One two three▕", "One two three four▕");
            assertThat(t.markdown(0).value()).isEqualTo("One two three four");
        }
    }

    @Test
    void s11_2_aChunkThatArrivesRightAfterADrawShowsWhileTheSourcePauses() {
        // Each source gives "One" and at once " two" (inside the ~33 ms after "One" was drawn), then pauses until the tab
        // shows " two" or 5 s have passed: the text the tab shows at the pause's end is recorded. Blocking sources (a
        // Supplier, an Iterator) cannot be waited for with a timeout on the run's thread; a publisher can.
        Map<String, String> seenAtPause = new ConcurrentHashMap<>();
        Map<String, Function<PageTester[], Object>> sources = new LinkedHashMap<>();
        sources.put("supplier", tester -> {
            AtomicInteger given = new AtomicInteger();
            return (Supplier<String>) () -> switch (given.getAndIncrement()) {
                case 0 -> "One";
                case 1 -> " two";
                default -> {
                    seenAtPause.put("supplier", pauseUntilShown(tester[0], "One two▕"));
                    yield null;
                }
            };
        });
        sources.put("iterator", tester -> new Iterator<String>() {
            private int given;

            @Override
            public boolean hasNext() {
                if (given == 2) {
                    seenAtPause.put("iterator", pauseUntilShown(tester[0], "One two▕"));
                }
                return given < 2;
            }

            @Override
            public String next() {
                return given++ == 0 ? "One" : " two";
            }
        });
        sources.put("publisher", tester -> Flux.just("One", " two").concatWith(Mono.<String>fromRunnable(
                () -> seenAtPause.put("publisher", pauseUntilShown(tester[0], "One two▕")))
                .subscribeOn(Schedulers.boundedElastic())));
        sources.forEach((kind, source) -> {
            PageTester[] tester = new PageTester[1];
            try (PageTester t = PageTester.of(st -> st.writeStream(source.apply(tester)))) {
                tester[0] = t;
                t.run(Duration.ofSeconds(30));
                assertThat(t.markdown(0).value()).as(kind).isEqualTo("One two");
            }
        });
        assertThat(seenAtPause).as("what the tab showed while each source paused")
                .isEqualTo(Map.of("supplier", "One two▕", "iterator", "One two▕", "publisher", "One two▕"));
    }

    /** Waits until the tab shows {@code expected} or 5 s have passed; returns what it shows then. */
    private static String pauseUntilShown(PageTester tester, String expected) {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(5).toNanos();
        String shown = shownText(tester);
        while (!shown.equals(expected) && System.nanoTime() < deadline) {
            pause(5);
            shown = shownText(tester);
        }
        System.out.printf("ChatTest: the chunk held back showed after %d ms of the pause%n",
                (System.nanoTime() - started) / 1_000_000);
        return shown;
    }

    @Test
    void s11_2_writeStreamCoalescesToAtMostThirtyUpdatesASecond() {
        List<String> seen = new ArrayList<>();
        AtomicReference<PageTester> tester = new AtomicReference<>();
        AtomicInteger left = new AtomicInteger(400);
        long[] started = new long[1];
        try (PageTester t = PageTester.of(st -> {
            started[0] = System.nanoTime();
            st.writeStream((Supplier<String>) () -> {
                pause(2);
                tester.get().elementsOf(Markdown.class).stream().map(Markdown::body).findFirst().ifPresent(text -> {
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(text)) {
                        seen.add(text);
                    }
                });
                return left.getAndDecrement() > 0 ? "x" : null;
            });
        })) {
            tester.set(t);
            t.run(Duration.ofSeconds(30));
            double seconds = (System.nanoTime() - started[0]) / 1e9;
            System.out.printf("ChatTest: 400 chunks drawn as %d redraws in %.2f s%n", seen.size(), seconds);
            assertThat(seen.size()).as("%d redraws in %.2f s", seen.size(), seconds)
                    .isLessThanOrEqualTo((int) Math.ceil(seconds * 30) + 2).isGreaterThan(5);
            assertThat(t.markdown(0).value()).hasSize(400);
        }
    }

    @Test
    void s11_2_nonTextChunksAreWrittenWithWriteBetweenTheTexts() {
        AtomicReference<String> returned = new AtomicReference<>();
        try (PageTester t = PageTester.of(st -> returned.set(st.writeStream(Stream.of("Before", 42, Map.of("a", 1),
                "After")))).run()) {
            assertThat(returned).hasValue("BeforeAfter");
            assertThat(t.markdowns()).extracting(TextElement::value).containsExactly("Before", "42", "After");
            assertThat(t.jsons()).hasSize(1);
        }
    }

    @Test
    void s11_2_aSourceThatThrowsHalfwayLeavesTheTextAndAnExceptionAndTheSessionKeepsWorking() {
        try (PageTester t = PageTester.of(st -> {
            if (st.button("Ask")) {
                st.writeStream(IntStream.range(0, 3).mapToObj(i -> {
                    if (i == 2) {
                        throw new IllegalStateException("The model went away");
                    }
                    return "word" + i + " ";
                }));
            }
            st.write("still here");
        }).run()) {
            t.button("Ask").click().run();
            assertThat(t.markdowns()).extracting(TextElement::value).containsExactly("word0 word1 ");
            assertThat(t.exceptions()).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("The model went away"));
            t.run();
            assertThat(t.exceptions()).isEmpty();
            assertThat(t.markdowns()).extracting(TextElement::value).containsExactly("still here");
        }
    }

    @Test
    void s11_2_textIsNotAStream() {
        try (PageTester t = PageTester.of(st -> st.writeStream("Hello")).run()) {
            assertThat(t.exceptions()).singleElement().satisfies(e -> assertThat(e.message())
                    .contains("writeStream() expects a stream-like source").contains("use write() instead"));
        }
    }

    // ---- feedback ----------------------------------------------------------------------------------------

    @Test
    void feedbackReturnsTheChosenRatingAndCallsOnChange() {
        AtomicInteger changes = new AtomicInteger();
        try (PageTester t = PageTester.of(st -> {
            Integer thumbs = st.feedback("thumbs", o -> o.key("thumbs").onChange(changes::incrementAndGet));
            Integer stars = st.feedback("stars");
            st.write("thumbs " + thumbs + ", stars " + stars);
        }).run()) {
            assertThat(t.markdown(0).value()).isEqualTo("thumbs null, stars null");
            t.feedbacks().get(0).setValue(1).run();
            t.feedbacks().get(1).setValue(4).run();
            assertThat(t.markdown(0).value()).isEqualTo("thumbs 1, stars 4");
            assertThat(t.sessionState().get("thumbs")).isEqualTo(1);
            assertThat(changes).hasValue(1);
            t.feedbacks().get(0).setValue(null).run();
            assertThat(t.markdown(0).value()).isEqualTo("thumbs null, stars 4");
        }
    }

    @Test
    void feedbackRefusesAnUnknownKindAndARatingOutOfRange() {
        try (PageTester t = PageTester.of(st -> st.feedback("hearts")).run()) {
            assertThat(t.exceptions()).singleElement().satisfies(e -> assertThat(e.message())
                    .contains("must be one of [\"thumbs\", \"faces\", \"stars\"]"));
        }
        try (PageTester t = PageTester.of(st -> st.write("faces " + st.feedback("faces"))).run()) {
            t.feedbacks().get(0).setValue(5).run();
            assertThat(t.markdown(0).value()).isEqualTo("faces null");
            assertThat(t.protocolErrors()).singleElement().asString().contains("expected an option index from 0 to 4");
        }
    }

    private static String shownText(PageTester tester) {
        return tester.elementsOf(Markdown.class).stream().map(Markdown::body).findFirst().orElse("");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
