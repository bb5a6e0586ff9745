package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.springlit.SessionState;
import dev.springlit.StreamlitApiException;
import dev.springlit.element.Button;
import dev.springlit.element.Element;
import dev.springlit.element.ExceptionElement;
import dev.springlit.element.Text;
import dev.springlit.runtime.RuntimeHarness.Tab;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.scope.CurrentSessionState;

/** Section 4 of SEMANTICS.md: widget state, for buttons. */
class WidgetStateTest {

    private static final String DUPLICATE_KEY = "There are multiple elements with the same key='k'. To fix this, please make "
            + "sure that the key argument is unique for each element you create.";
    private static final String MODIFIED_AFTER_DRAWN =
            "SessionState key \"k\" cannot be modified after the widget with key \"k\" is instantiated.";
    private static final String NOT_SETTABLE = "Values for the widget with key \"k\" cannot be set using SessionState.";

    private final SessionState state = new CurrentSessionState();
    private RuntimeHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private static String onlyButtonId(Tab tab) {
        List<Button> buttons = tab.elements(Button.class);
        assertThat(buttons).hasSize(1);
        return buttons.get(0).id();
    }

    // ---- S4.1 ---------------------------------------------------------------------------------------------

    @Test
    void S4_1_aKeyedButtonIsIdentifiedByItsKeyAloneSoItsLabelMayChange() {
        List<Boolean> onOther = new CopyOnWriteArrayList<>();
        harness = RuntimeHarness.start(st -> {
            int n = state.getOrDefault("n", 0);
            if (st.button("Clicked " + n + " times", b -> b.key("go").help("help " + n))) {
                state.put("n", n + 1);
            }
        }, st -> onOther.add(st.button("Elsewhere", b -> b.key("go"))));
        Tab tab = harness.open();
        String firstId = onlyButtonId(tab);

        tab.click("Clicked 0 times");
        tab.rerun();
        assertThat(tab.elements(Button.class).get(0).label()).isEqualTo("Clicked 1 times");
        assertThat(onlyButtonId(tab)).isEqualTo(firstId);

        tab.session.interact(Map.of(), firstId); // the id the browser got in the first run
        tab.awaitIdle();
        assertThat(tab.state()).containsEntry("n", 2);
        assertThat(tab.connection.errors()).isEmpty();

        tab.navigate(harness.other);
        assertThat(onlyButtonId(tab)).as("a keyed widget's id is its key, on every page").isEqualTo(firstId);
    }

    @Test
    void S4_1_anUnkeyedButtonIsIdentifiedByKindLabelIdentityParametersAndPageButNotDisabledOrPosition() {
        ScriptedPage page = new ScriptedPage();
        ScriptedPage other = new ScriptedPage();
        harness = RuntimeHarness.start(page, other);
        Tab tab = harness.open();

        page.run(tab, st -> st.button("A"));
        String plain = onlyButtonId(tab);
        page.run(tab, st -> st.button("A", b -> b.disabled(true)));
        String disabled = onlyButtonId(tab);
        page.run(tab, st -> {
            st.text("moved down");
            st.button("A");
        });
        String moved = onlyButtonId(tab);
        page.run(tab, st -> st.button("A", b -> b.help("a tooltip")));
        String withHelp = onlyButtonId(tab);
        page.run(tab, st -> st.button("B"));
        String otherLabel = onlyButtonId(tab);
        other.body(st -> st.button("A"));
        tab.navigate(harness.other);
        String otherPage = onlyButtonId(tab);

        assertThat(disabled).isEqualTo(plain);
        assertThat(moved).isEqualTo(plain);
        assertThat(List.of(plain, withHelp, otherLabel, otherPage)).doesNotHaveDuplicates();
    }

    // ---- S4.2 ---------------------------------------------------------------------------------------------

    @Test
    void S4_2_twoElementsWithTheSameKeyInOneRunFail() {
        ScriptedPage page = new ScriptedPage();
        harness = RuntimeHarness.start(page);
        Tab tab = harness.open();

        assertThatThrownBy(() -> page.run(tab, st -> {
            st.button("One", b -> b.key("k"));
            st.button("Two", b -> b.key("k"));
        })).isInstanceOf(StreamlitApiException.class).hasMessage(DUPLICATE_KEY);

        List<Element> elements = tab.elements();
        assertThat(elements).hasSize(2);
        assertThat(((Button) elements.get(0)).label()).isEqualTo("One");
        assertThat(elements.get(1)).isInstanceOfSatisfying(ExceptionElement.class, e -> {
            assertThat(e.type()).isEqualTo(StreamlitApiException.class.getName());
            assertThat(e.message()).isEqualTo(DUPLICATE_KEY);
        });
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.ERROR);
    }

    @Test
    void S4_2_twoUnkeyedButtonsWithTheSameIdentityInOneRunFail() {
        ScriptedPage page = new ScriptedPage();
        harness = RuntimeHarness.start(page);
        Tab tab = harness.open();

        assertThatThrownBy(() -> page.run(tab, st -> {
            st.button("Same");
            st.button("Same");
        })).isInstanceOf(StreamlitApiException.class)
                .hasMessageStartingWith("There are multiple button elements with the same auto-generated ID.")
                .hasMessageContaining("please pass a unique key argument to the button element.");
        assertThat(tab.elements()).last().isInstanceOf(ExceptionElement.class);

        page.run(tab, st -> {
            st.button("Same");
            st.button("Same", b -> b.key("k"));
            st.button("Same", b -> b.key("other"));
            st.button("Same", b -> b.help("differs"));
        });
        assertThat(tab.elements(Button.class)).hasSize(4);
        assertThat(tab.elements(ExceptionElement.class)).isEmpty();
    }

    // ---- S4.5 ---------------------------------------------------------------------------------------------

    @Test
    void S4_5_writingAButtonKeyAfterTheButtonWasDrawnInTheSameRunFails() {
        ScriptedPage page = new ScriptedPage();
        harness = RuntimeHarness.start(page);
        Tab tab = harness.open();

        List<Object> outcomes = page.call(tab, st -> {
            List<Object> out = new CopyOnWriteArrayList<>();
            st.button("B", b -> b.key("k"));
            for (Runnable write : List.<Runnable>of(() -> state.put("k", true),
                    () -> state.update("k", (Boolean v) -> !v), () -> state.put("unrelated", 1))) {
                try {
                    write.run();
                    out.add("ok");
                } catch (StreamlitApiException e) {
                    out.add(e.getMessage());
                }
            }
            return out;
        });

        assertThat(outcomes).containsExactly(MODIFIED_AFTER_DRAWN, MODIFIED_AFTER_DRAWN, "ok");
        assertThat(tab.state()).containsEntry("k", false).containsEntry("unrelated", 1);

        assertThatThrownBy(() -> page.run(tab, st -> {
            st.button("B", b -> b.key("k"));
            state.put("k", true);
        })).isInstanceOf(StreamlitApiException.class).hasMessage(MODIFIED_AFTER_DRAWN);
        assertThat(tab.elements()).last().isInstanceOfSatisfying(ExceptionElement.class,
                e -> assertThat(e.message()).isEqualTo(MODIFIED_AFTER_DRAWN));
    }

    // ---- S4.6 ---------------------------------------------------------------------------------------------

    @Test
    void S4_6_aButtonRefusesAValueSetThroughStateWhenItIsDrawn() {
        ScriptedPage page = new ScriptedPage();
        harness = RuntimeHarness.start(page);
        Tab tab = harness.open();
        List<String> progress = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> page.run(tab, st -> {
            state.put("k", true);
            progress.add("the write itself is accepted");
            st.text("before the button");
            st.button("B", b -> b.key("k"));
            progress.add("never reached");
        })).isInstanceOf(StreamlitApiException.class).hasMessage(NOT_SETTABLE);

        assertThat(progress).containsExactly("the write itself is accepted");
        List<Element> elements = tab.elements();
        assertThat(elements).hasSize(2);
        assertThat(elements.get(0)).isEqualTo(new Text("before the button"));
        assertThat(elements.get(1)).isInstanceOfSatisfying(ExceptionElement.class,
                e -> assertThat(e.message()).isEqualTo(NOT_SETTABLE));
    }

    @Test
    void S4_6_aButtonKeyWrittenByACallbackFailsWhenTheButtonIsDrawn() {
        harness = RuntimeHarness.start(st -> {
            st.button("Set", b -> b.onClick(() -> state.put("k", false)));
            st.button("Own", b -> b.key("k").onClick(() -> state.put("k", true)));
            st.text("end");
        });
        Tab tab = harness.open();

        tab.click("Set");
        assertThat(tab.elements()).last().isInstanceOfSatisfying(ExceptionElement.class,
                e -> assertThat(e.message()).isEqualTo(NOT_SETTABLE));
        tab.rerun();
        assertThat(tab.elements()).last().isEqualTo(new Text("end"));

        tab.click("Own");
        assertThat(tab.elements()).last().isInstanceOfSatisfying(ExceptionElement.class,
                e -> assertThat(e.message()).isEqualTo(NOT_SETTABLE));
    }
}
