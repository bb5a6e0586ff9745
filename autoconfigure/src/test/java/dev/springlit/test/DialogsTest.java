package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.springlit.DialogOptions;
import dev.springlit.DialogWidth;
import dev.springlit.Page;
import dev.springlit.SessionState;

/** S10.5 through the page tester: a dialog's body is a fragment; rerun closes it; one at a time; dismissal. */
class DialogsTest {

    private final SessionState state = PageTester.sessionStateProxy();
    private final AtomicInteger pageRuns = new AtomicInteger();
    private final AtomicInteger dismissed = new AtomicInteger();

    /** Streamlit's "Edit item" example: a button opens the dialog, Save stores the name and closes it. */
    private Page editItem(DialogOptions options) {
        return st -> {
            pageRuns.incrementAndGet();
            st.write("item:", state.getOrDefault("item", "none"));
            if (st.button("Edit item")) {
                st.dialog("Edit item", options.onDismiss(dismissed::incrementAndGet), d -> {
                    String name = d.textInput("Name", o -> o.key("name"));
                    d.write("typed:", name);
                    if (d.button("Save")) {
                        state.put("item", name);
                        d.rerun();
                    }
                });
            }
        };
    }

    @Test
    void s10_5_aDialogOpensWithItsTitleAndWidthAndAnInteractionInsideRerunsOnlyItsBody() {
        try (PageTester t = PageTester.of(editItem(DialogOptions.width(DialogWidth.LARGE))).run()) {
            assertThat(t.isDialogOpen()).isFalse();
            t.button("Edit item").click().run();
            assertThat(t.dialog().title()).isEqualTo("Edit item");
            assertThat(t.dialog().width()).isEqualTo("large");
            assertThat(t.dialog().dismissible()).isTrue();

            t.dialog().body().textInput("Name").input("Lamp").run();

            assertThat(pageRuns).hasValue(2);
            assertThat(t.isDialogOpen()).isTrue();
            assertThat(t.dialog().body().markdown(0).value()).isEqualTo("typed: Lamp");
        }
    }

    @Test
    void s10_5_rerunInsideADialogClosesItAndRerunsThePage() {
        try (PageTester t = PageTester.of(editItem(DialogOptions.defaults())).run()) {
            t.button("Edit item").click().run();
            t.dialog().body().textInput("Name").input("Lamp").run();

            t.dialog().body().button("Save").click().run();

            assertThat(t.isDialogOpen()).isFalse();
            assertThat(pageRuns).hasValue(3);
            assertThat(t.markdown(0).value()).isEqualTo("item: Lamp");
        }
    }

    @Test
    void s10_5_dismissingADialogRunsOnDismissThenThePageWhichClosesIt() {
        try (PageTester t = PageTester.of(editItem(DialogOptions.defaults())).run()) {
            t.button("Edit item").click().run();

            t.dialog().dismiss().run();

            assertThat(dismissed).hasValue(1);
            assertThat(pageRuns).hasValue(3);
            assertThat(t.isDialogOpen()).isFalse();
        }
    }

    @Test
    void s10_5_aDialogThatIsNotDismissibleIgnoresADismissalAndStaysOpen() {
        try (PageTester t = PageTester.of(editItem(DialogOptions.defaults().dismissible(false))).run()) {
            t.button("Edit item").click().run();
            assertThat(t.dialog().dismissible()).isFalse();
            assertThatThrownBy(() -> t.dialog().dismiss()).isInstanceOf(IllegalStateException.class);
            t.dialog().body().textInput("Name").input("Lamp").run(); // a run of the dialog's body alone first

            t.queueTrigger(dialogId(t)); // a forged dismissal: the browser offers none
            t.run();

            assertThat(dismissed).hasValue(0);
            assertThat(pageRuns).hasValue(2);
            assertThat(t.isDialogOpen()).isTrue();
            assertThat(t.protocolErrors()).isEmpty();
        }
    }

    @Test
    void s10_5_onlyOneDialogMayOpenInARun() {
        assertThat(FragmentsTest.shownError(st -> {
            st.dialog("First", d -> d.write("one"));
            st.dialog("Second", d -> d.write("two"));
        })).startsWith("Only one dialog is allowed to be opened at the same time.");
    }

    @Test
    void s10_5_dialogsMayNotBeNestedAndNeedATitle() {
        assertThat(FragmentsTest.shownError(st -> st.dialog("Outer", d -> d.dialog("Inner", i -> i.write("x")))))
                .isEqualTo("Dialogs may not be nested inside other dialogs.");
        assertThat(FragmentsTest.shownError(st -> st.dialog("", d -> d.write("x"))))
                .startsWith("A non-empty title has to be provided for dialogs");
    }

    @Test
    void s10_5_aDialogOpenedByTheStillRunningPageIsDrawnAgainByEachFullRun() {
        try (PageTester t = PageTester.of(st -> {
            pageRuns.incrementAndGet();
            st.button("Page");
            st.dialog("Always", d -> d.write("here"));
        }).run()) {
            t.button("Page").click().run();

            assertThat(pageRuns).hasValue(2);
            assertThat(t.dialog().body().markdown(0).value()).isEqualTo("here");
        }
    }

    private static String dialogId(PageTester t) {
        return t.blocks(0).values().stream().filter(b -> b.kind().equals("dialog")).findFirst()
                .map(b -> String.valueOf(b.prop("id"))).orElseThrow();
    }
}
