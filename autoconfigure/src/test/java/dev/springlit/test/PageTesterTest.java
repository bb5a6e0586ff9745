package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.springlit.CallbackArgs;
import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;
import dev.springlit.runtime.output.RunStatus;

class PageTesterTest {

    @StreamlitPage(path = "/counter")
    static class CounterPage implements Page {
        private final SessionState state;

        CounterPage(SessionState state) {
            this.state = state;
        }

        @Override
        public void render(St st) {
            st.title("Counter Example");
            state.setDefault("count", 0);
            if (st.button("Increment")) {
                state.put("count", state.getInt("count") + 1);
            }
            st.button("Add", b -> b.key("add").onClick(this::add).kwargs(Map.of("step", 5)));
            st.write("Count = ", state.get("count"));
        }

        private void add(CallbackArgs args) {
            state.put("count", state.getInt("count") + args.getInt("step", 0));
        }
    }

    @StreamlitPage(path = "/other", title = "Other")
    static class OtherPage implements Page {
        private final SessionState state;

        OtherPage(SessionState state) {
            this.state = state;
        }

        @Override
        public void render(St st) {
            st.header("Other");
            st.write("Seen count = ", state.getOrDefault("count", -1));
        }
    }

    @Test
    void runsAPageClassWithInjectedSessionStateAndClicksLikeAUser() {
        try (PageTester tester = PageTester.of(CounterPage.class)) {
            tester.run();
            assertThat(tester.title(0).value()).isEqualTo("Counter Example");
            assertThat(tester.markdown(0).value()).isEqualTo("Count = 0");
            tester.button("Increment").click().run();
            tester.button("Increment").click().run();
            assertThat(tester.markdown(0).value()).isEqualTo("Count = 2");
            tester.buttonByKey("add").click().run();
            assertThat(tester.markdown(0).value()).isEqualTo("Count = 7");
            assertThat(tester.sessionState().get("count")).isEqualTo(7);
            assertThat(tester.sessionState().get("add")).as("a keyed button is false after its run").isEqualTo(false);
            assertThat(tester.lastRunStatus()).isEqualTo(RunStatus.OK);
        }
    }

    @Test
    void stateWrittenBetweenRunsReachesTheNextRun() {
        try (PageTester tester = PageTester.of(CounterPage.class)) {
            tester.run();
            tester.sessionState().put("count", 41);
            assertThat(tester.sessionState().get("count")).as("the write is visible at once").isEqualTo(41);
            tester.button("Increment").click().run();
            assertThat(tester.markdown(0).value()).isEqualTo("Count = 42");
            tester.sessionState().remove("count");
            tester.run();
            assertThat(tester.markdown(0).value()).isEqualTo("Count = 0");
        }
    }

    @Test
    void eachTesterIsItsOwnTabAndNewTabSharesTheApp() {
        try (PageTester first = PageTester.of(CounterPage.class)) {
            first.run().button("Increment").click().run();
            try (PageTester second = first.newTab()) {
                second.run();
                assertThat(second.markdown(0).value()).isEqualTo("Count = 0");
            }
            assertThat(first.markdown(0).value()).isEqualTo("Count = 1");
        }
    }

    @Test
    void pageInstancesAndLambdasCanBeTestedWithoutSpring() {
        SessionState state = PageTester.sessionStateProxy();
        Page page = st -> {
            state.setDefault("n", 0);
            st.write("n is", state.getInt("n"));
        };
        try (PageTester tester = PageTester.of(page)) {
            tester.run();
            assertThat(tester.markdown(0).value()).isEqualTo("n is 0");
        }
    }

    @Test
    void switchPageKeepsTheSession() {
        try (PageTester tester = PageTester.of(CounterPage.class)) {
            tester.run().button("Increment").click().run();
            assertThatThrownBy(() -> tester.switchPage(OtherPage.class))
                    .as("a standalone tester knows only its own page").isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRunThatDoesNotFinishInTimeThrowsATimeout() {
        Page slow = st -> {
            st.text("sleeping");
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (PageTester tester = PageTester.of(slow)) {
            assertThatThrownBy(() -> tester.run(Duration.ofMillis(200))).isInstanceOf(PageRunTimeoutException.class)
                    .hasMessage("Page run timed out after PT0.2S");
        }
    }

    @Test
    void aRunThatTimesOutIsStoppedKeepsWhatItDrewAndTheTabGoesOn() throws InterruptedException {
        AtomicInteger loops = new AtomicInteger();
        AtomicBoolean slow = new AtomicBoolean(true);
        SessionState state = PageTester.sessionStateProxy();
        Page page = st -> {
            st.text("started");
            state.put("ran", loops.get());
            while (slow.get()) {
                st.text("loop " + loops.incrementAndGet()); // every St call is a point where a stop takes effect
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            st.text("done");
        };
        try (PageTester tester = PageTester.of(page)) {
            assertThatThrownBy(() -> tester.run(Duration.ofMillis(300))).isInstanceOf(PageRunTimeoutException.class);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (tester.lastRunStatus() != RunStatus.STOPPED && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(tester.lastRunStatus()).isEqualTo(RunStatus.STOPPED);
            int stoppedAt = loops.get();
            Thread.sleep(200);
            assertThat(loops).hasValue(stoppedAt);
            assertThat(tester.text(0).value()).isEqualTo("started");
            assertThat(tester.sessionState().contains("ran")).as("a stopped run commits none of its state").isFalse();

            slow.set(false);
            tester.run();
            assertThat(tester.lastRunStatus()).isEqualTo(RunStatus.OK);
            assertThat(tester.texts()).extracting(TextElement::value).containsExactly("started", "done");
            assertThat(tester.sessionState().contains("ran")).isTrue();
        }
    }

    @Test
    void exceptionsAndWarningsAreReadable() {
        Page failing = st -> {
            st.warning("careful");
            throw new IllegalArgumentException("boom");
        };
        try (PageTester tester = PageTester.of(failing)) {
            tester.run();
            assertThat(tester.warning(0).value()).isEqualTo("careful");
            assertThat(tester.exceptions()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo("java.lang.IllegalArgumentException");
                assertThat(e.message()).isEqualTo("boom");
            });
            assertThat(tester.lastRunStatus()).isEqualTo(RunStatus.ERROR);
        }
    }

    @Test
    void propertiesConfigureTheStandaloneContext() {
        try (PageTester tester = PageTester.of(FailingPage.class, "streamlit.client.show-error-details=false")) {
            tester.run();
            assertThat(tester.exceptions()).singleElement().satisfies(e -> {
                assertThat(e.type()).isNull();
                assertThat(e.message()).startsWith("This app has encountered an error.").doesNotContain("secret");
                assertThat(e.reference()).matches("[0-9a-f]{8}");
            });
        }
    }

    @StreamlitPage(path = "/failing")
    static class FailingPage implements Page {
        @Override
        public void render(St st) {
            throw new IllegalStateException("secret detail");
        }
    }

    @Test
    void missingElementsFailWithWhatThePageShows() {
        try (PageTester tester = PageTester.of(CounterPage.class)) {
            tester.run();
            assertThatThrownBy(() -> tester.header(0)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("0 header element(s)");
            assertThatThrownBy(() -> tester.button("Nope")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("button \"Increment\"");
        }
    }
}
