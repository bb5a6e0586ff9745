package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.springlit.RerunScope;
import dev.springlit.SessionState;
import dev.springlit.St;

/** S10.1–S10.4 through the page tester: fragment runs, runEvery, fragment-scoped reruns, transactions. */
class FragmentsTest {

    private final SessionState state = PageTester.sessionStateProxy();

    @Test
    void s10_1_aClickInsideAFragmentRerunsOnlyTheFragmentItsCallbacksThenItsBody() {
        AtomicInteger pageRuns = new AtomicInteger();
        AtomicInteger fragmentRuns = new AtomicInteger();
        StringBuilder order = new StringBuilder();
        try (PageTester t = PageTester.of(st -> {
            st.write("page run", pageRuns.incrementAndGet());
            st.fragment("counter", f -> {
                order.append("body ");
                fragmentRuns.incrementAndGet();
                f.button("Add", b -> b.onClick(() -> {
                    order.append("callback ");
                    state.put("n", state.getOrDefault("n", 0) + 1);
                }));
                f.write("n =", state.getOrDefault("n", 0));
            });
            st.write("below");
        }).run()) {
            order.setLength(0);
            t.fragment("counter").button("Add").click().run();

            assertThat(pageRuns).hasValue(1);
            assertThat(fragmentRuns).hasValue(2);
            assertThat(order.toString()).isEqualTo("callback body ");
            assertThat(t.fragment("counter").markdown(0).value()).isEqualTo("n = 1");
            assertThat(t.markdowns()).extracting(TextElement::value).containsExactly("page run 1", "n = 1", "below");
        }
    }

    @Test
    void s10_1_aClickOutsideAFragmentRerunsThePageFragmentsIncluded() {
        AtomicInteger pageRuns = new AtomicInteger();
        AtomicInteger fragmentRuns = new AtomicInteger();
        try (PageTester t = PageTester.of(st -> {
            pageRuns.incrementAndGet();
            st.button("Outside");
            st.fragment("inner", f -> {
                fragmentRuns.incrementAndGet();
                f.button("Inside");
            });
        }).run()) {
            t.button("Outside").click().run();

            assertThat(pageRuns).hasValue(2);
            assertThat(fragmentRuns).hasValue(2);
        }
    }

    @Test
    void s10_1_aFragmentRunExecutesTheBodyTheLatestFullRunDrew() {
        AtomicInteger pageRuns = new AtomicInteger();
        try (PageTester t = PageTester.of(st -> {
            int drawnInRun = pageRuns.incrementAndGet(); // captured by the body, as Streamlit keeps its arguments
            st.button("Page");
            st.fragment("captured", f -> {
                f.button("Again");
                f.write("drawn by page run", drawnInRun);
            });
        }).run()) {
            t.button("Page").click().run();
            t.fragment("captured").button("Again").click().run();

            assertThat(pageRuns).hasValue(2);
            assertThat(t.fragment("captured").markdown(0).value()).isEqualTo("drawn by page run 2");
        }
    }

    @Test
    void s10_1_valuesOfWidgetsInsideAFragmentKeepTheirIdentityAcrossFragmentAndFullRuns() {
        try (PageTester t = PageTester.of(st -> {
            st.button("Page");
            st.fragment("form", f -> f.write("Hello", f.textInput("Name")));
        }).run()) {
            t.fragment("form").textInput("Name").input("Ada").run();
            assertThat(t.fragment("form").markdown(0).value()).isEqualTo("Hello Ada");

            t.button("Page").click().run();
            assertThat(t.textInput("Name").value()).isEqualTo("Ada");
        }
    }

    @Test
    void s10_2_aTimedFragmentRerunsOnItsOwnWhenItsPeriodPasses() {
        AtomicInteger pageRuns = new AtomicInteger();
        AtomicInteger ticks = new AtomicInteger();
        try (PageTester t = PageTester.of(st -> {
            pageRuns.incrementAndGet();
            st.fragment("clock", Duration.ofSeconds(2), f -> f.write("tick", ticks.incrementAndGet()));
        }).run()) {
            t.advance(Duration.ofMillis(1_999));
            assertThat(ticks).hasValue(1);

            t.advance(Duration.ofMillis(1));
            assertThat(ticks).hasValue(2);
            t.advance(Duration.ofSeconds(4));

            assertThat(ticks).hasValue(4);
            assertThat(pageRuns).hasValue(1);
            assertThat(t.fragment("clock").markdown(0).value()).isEqualTo("tick 4");
        }
    }

    @Test
    void s10_2_aTimedFragmentThatTheLatestFullRunDidNotDrawStopsRerunning() {
        AtomicBoolean show = new AtomicBoolean(true);
        AtomicInteger ticks = new AtomicInteger();
        try (PageTester t = PageTester.of(st -> {
            if (show.get()) {
                st.fragment("clock", Duration.ofSeconds(1), f -> f.write("tick", ticks.incrementAndGet()));
            }
        }).run()) {
            t.advance(Duration.ofSeconds(1));
            assertThat(ticks).hasValue(2);

            show.set(false);
            t.run();
            t.advance(Duration.ofSeconds(5));

            assertThat(ticks).hasValue(2);
            assertThat(t.elements()).isEmpty();
        }
    }

    @Test
    void s10_3_rerunInAFragmentRerunsThePage() {
        AtomicInteger pageRuns = new AtomicInteger();
        try (PageTester t = PageTester.of(st -> {
            pageRuns.incrementAndGet();
            st.fragment("f", f -> {
                if (f.button("Everything")) {
                    f.rerun();
                }
            });
        }).run()) {
            t.fragment("f").button("Everything").click().run();

            assertThat(pageRuns).hasValue(2);
        }
    }

    @Test
    void s10_3_aFragmentScopedRerunRerunsOnlyTheFragment() {
        AtomicInteger pageRuns = new AtomicInteger();
        AtomicInteger fragmentRuns = new AtomicInteger();
        try (PageTester t = PageTester.of(st -> {
            pageRuns.incrementAndGet();
            st.fragment("f", f -> {
                fragmentRuns.incrementAndGet();
                if (f.button("Again")) {
                    state.put("again", true);
                    f.rerun(RerunScope.FRAGMENT);
                }
                f.write("again:", state.getOrDefault("again", false));
            });
        }).run()) {
            t.fragment("f").button("Again").click().run();

            assertThat(pageRuns).hasValue(1);
            assertThat(fragmentRuns).hasValue(3); // the first run, the click's run, the rerun it asked for
            assertThat(t.fragment("f").markdown(0).value()).isEqualTo("again: true");
        }
    }

    @Test
    void s10_3_aFragmentScopedRerunDuringAFullRunIsAnError() {
        assertThat(shownError(st -> st.fragment("f", f -> f.rerun(RerunScope.FRAGMENT))))
                .isEqualTo("RerunScope.FRAGMENT can only be specified from st.fragment bodies during fragment reruns.");
    }

    @Test
    void s10_4_aFragmentCannotDrawWidgetsIntoContainersOutsideIt() {
        assertThat(shownError(st -> {
            St outside = st.container();
            st.fragment("f", f -> outside.button("Escaped"));
        })).isEqualTo("Fragments cannot write widgets to outside containers.");
    }

    @Test
    void s10_4_elementsAFragmentRunWritesOutsideItAccumulateUntilTheNextFullRun() {
        try (PageTester t = PageTester.of(st -> {
            St log = st.container();
            st.button("Page");
            st.fragment("f", f -> {
                f.button("Log");
                log.write("logged");
            });
        }).run()) {
            t.fragment("f").button("Log").click().run();
            t.fragment("f").button("Log").click().run();
            assertThat(t.containers().get(0).markdowns()).hasSize(3);

            t.button("Page").click().run();
            assertThat(t.containers().get(0).markdowns()).hasSize(1);
        }
    }

    @Test
    void s10_4_aFragmentRunWritingIntoAnOutsideEmptyReplacesWhatItShows() {
        try (PageTester t = PageTester.of(st -> {
            St status = st.empty();
            st.fragment("f", f -> {
                if (f.button("Count")) {
                    state.put("n", state.getOrDefault("n", 0) + 1);
                }
                status.write("count", state.getOrDefault("n", 0));
            });
        }).run()) {
            t.fragment("f").button("Count").click().run();
            t.fragment("f").button("Count").click().run();

            assertThat(t.markdowns()).extracting(TextElement::value).containsExactly("count 2");
        }
    }

    @Test
    void s10_4_aFragmentRunForgetsOnlyUnkeyedWidgetsItCouldHaveDrawn() {
        AtomicBoolean inner = new AtomicBoolean(true);
        try (PageTester t = PageTester.of(st -> {
            st.checkbox("Outside");
            st.fragment("f", f -> {
                f.button("Go");
                if (inner.get()) {
                    f.checkbox("Inside");
                }
            });
        }).run()) {
            t.checkbox("Outside").check().run();
            t.checkbox("Inside").check().run();

            inner.set(false);
            t.fragment("f").button("Go").click().run();
            inner.set(true);
            t.fragment("f").button("Go").click().run();

            assertThat(t.checkbox("Outside").value()).isEqualTo(true);  // not drawn by the fragment runs, kept
            assertThat(t.checkbox("Inside").value()).isEqualTo(false);  // not drawn by one fragment run, forgotten
        }
    }

    @Test
    void s10_4_twoFragmentsOfOnePageHaveDistinctNames() {
        assertThat(shownError(st -> {
            st.fragment("same", f -> f.write("one"));
            st.fragment("same", f -> f.write("two"));
        })).contains("multiple fragments with the same name 'same'");
    }

    @Test
    void aFragmentInTheSidebarIsFoundThere() {
        AtomicReference<List<String>> seen = new AtomicReference<>();
        try (PageTester t = PageTester.of(st -> st.sidebar().fragment("side", f -> {
            f.button("Tap");
            f.write("taps", state.getOrDefault("taps", 0));
            if (f.button("Count")) {
                state.put("taps", state.getOrDefault("taps", 0) + 1);
            }
        })).run()) {
            t.fragment("side").button("Count").click().run();
            seen.set(t.fragment("side").markdowns().stream().map(TextElement::value).toList());
            assertThat(seen.get()).containsExactly("taps 0");
            t.fragment("side").button("Tap").click().run();
            assertThat(t.fragment("side").markdown(0).value()).isEqualTo("taps 1");
        }
    }
    @Test
    void s10_4_anExceptionInAFragmentRunShowsInTheFragmentAndLeavesThePageAsItWas() {
        try (PageTester t = PageTester.of(st -> {
            st.write("top");
            st.fragment("f", f -> {
                if (f.button("Break")) {
                    throw new IllegalStateException("broken inside");
                }
            });
            st.write("bottom");
        }).run()) {
            t.fragment("f").button("Break").click().run();

            assertThat(t.fragment("f").exceptions()).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("broken inside"));
            assertThat(t.markdowns()).extracting(TextElement::value).containsExactly("top", "bottom");
        }
    }
    @Test
    void s10_4_anExceptionInAFragmentDuringAFullRunShowsInsideItAndItsNextRunClearsIt() {
        AtomicBoolean broken = new AtomicBoolean(true);
        try (PageTester t = PageTester.of(st -> {
            st.write("top");
            st.fragment("f", f -> {
                f.button("Retry");
                if (broken.get()) {
                    throw new IllegalStateException("broken in the full run");
                }
                f.write("fine");
            });
        }).run()) {
            assertThat(t.fragment("f").exceptions()).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("broken in the full run"));

            broken.set(false);
            t.fragment("f").button("Retry").click().run();

            assertThat(t.exceptions()).isEmpty();
            assertThat(t.markdowns()).extracting(TextElement::value).containsExactly("top", "fine");
        }
    }

    /** A timed fragment on a bean page: a price that changes every time the clock moves 2 s. */
    @dev.springlit.StreamlitPage(path = "/clock")
    static class ClockPage implements dev.springlit.Page {
        private final SessionState pageState;

        ClockPage(SessionState pageState) {
            this.pageState = pageState;
        }

        @Override
        public void render(St st) {
            st.fragment("price", Duration.ofSeconds(2), f -> {
                pageState.put("ticks", pageState.getOrDefault("ticks", 0) + 1);
                f.write("ticks", pageState.get("ticks"));
            });
        }
    }

    @Test
    void s10_2_aTesterOfABeanPageAdvancesItsOwnClock() {
        try (PageTester t = PageTester.of(ClockPage.class).run()) {
            t.advance(Duration.ofSeconds(4));

            assertThat(t.fragment("price").markdown(0).value()).isEqualTo("ticks 3");
            assertThat(t.sessionState().get("ticks")).isEqualTo(3);
        }
    }

    /** The message of the one exception {@code page} shows after its first run. */
    static String shownError(dev.springlit.Page page) {
        try (PageTester t = PageTester.of(page).run()) {
            assertThat(t.exceptions()).hasSize(1);
            return t.exceptions().get(0).message();
        }
    }
}
