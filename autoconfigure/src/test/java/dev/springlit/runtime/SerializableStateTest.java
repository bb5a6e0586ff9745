package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.springlit.SessionState;
import dev.springlit.StreamlitApiException;
import dev.springlit.element.Element;
import dev.springlit.element.ExceptionElement;
import dev.springlit.element.Text;
import dev.springlit.runtime.RuntimeHarness.Tab;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.run.UnserializableValueException;
import dev.springlit.runtime.scope.CurrentSessionState;

/** Section 8 of SEMANTICS.md: streamlit.runner.enforce-serializable-session-state. */
class SerializableStateTest {

    private static final String FUNCTION_F = "Cannot serialize the value (of type java.util.function.Function) of \"f\" "
            + "in SessionState. Springlit has been configured to use Java serialization for SessionState values. "
            + "Please convert the value to a serializable type.";
    private static final String LIST_L = "Cannot serialize the value (of type java.util.ArrayList) of \"l\" "
            + "in SessionState. Springlit has been configured to use Java serialization for SessionState values. "
            + "Please convert the value to a serializable type.";

    private final SessionState state = new CurrentSessionState();
    private final ScriptedPage page = new ScriptedPage();
    private RuntimeHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    private Tab open(boolean enforce) {
        harness = RuntimeHarness.start(RuntimeHarness.settings(enforce, true, Duration.ofSeconds(120)), page);
        return harness.open();
    }

    @Test
    void S8_1_puttingAnUnserializableValueThrowsAtOnceAndStoresNothing() {
        Tab tab = open(true);
        List<Object> seen = new CopyOnWriteArrayList<>();

        page.run(tab, st -> {
            Function<String, String> f = s -> s;
            try {
                state.put("f", f);
                seen.add("stored");
            } catch (StreamlitApiException e) {
                seen.add(e);
            }
            seen.add(state.contains("f"));
            try {
                state.setDefault("f", f);
            } catch (StreamlitApiException e) {
                seen.add(e.getMessage());
            }
            state.put("ok", new ArrayList<>(List.of(1, "two")));
            st.text("done");
        });

        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).isInstanceOf(UnserializableValueException.class);
        assertThat(((Throwable) seen.get(0)).getMessage()).isEqualTo(FUNCTION_F);
        assertThat(seen.get(1)).as("the value is not stored").isEqualTo(false);
        assertThat(seen.get(2)).isEqualTo(FUNCTION_F);
        assertThat(tab.state()).containsOnlyKeys("ok");
        assertThat(tab.elements()).containsExactly(new Text("done"));

        assertThatThrownBy(() -> page.run(tab, st -> state.put("f", (Function<String, String>) s -> s)))
                .isInstanceOf(UnserializableValueException.class).hasMessage(FUNCTION_F);
    }

    @Test
    void S8_2_theEndOfARunReportsAContainerLaterFilledWithSomethingUnserializable() {
        Tab tab = open(true);

        page.run(tab, st -> {
            List<Object> l = new ArrayList<>();
            state.put("l", l); // fine now
            l.add(new Object());
            st.text("the run's output");
        });

        List<Element> elements = tab.elements();
        assertThat(elements).hasSize(2);
        assertThat(elements.get(0)).isEqualTo(new Text("the run's output"));
        assertThat(elements.get(1)).as("reported after the run's output").isInstanceOfSatisfying(ExceptionElement.class, e -> {
            assertThat(e.type()).isEqualTo(UnserializableValueException.class.getName());
            assertThat(e.message()).isEqualTo(LIST_L);
        });
    }

    @Test
    void S8_3_withTheSettingOffNothingIsChecked() {
        Tab tab = open(false);
        Function<String, String> f = s -> s;

        page.run(tab, st -> {
            state.put("f", f);
            List<Object> l = new ArrayList<>();
            state.put("l", l);
            l.add(new Object());
            st.text("done");
        });

        assertThat(tab.state()).containsEntry("f", f).containsKey("l");
        assertThat(tab.elements()).containsExactly(new Text("done"));
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
    }
}
