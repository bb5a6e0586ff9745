package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.springlit.Form;
import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.element.Alert;

/** SEMANTICS §6: forms batch input, submit callbacks, clear on submit, structural errors. */
class FormsTest {

    private final SessionState state = PageTester.sessionStateProxy();

    /** The guide's Example 4. */
    private Page example4(AtomicInteger runs) {
        return st -> {
            runs.incrementAndGet();
            if (!state.contains("count")) {
                state.put("count", 0);
                state.put("last_updated", LocalTime.of(0, 0));
            }
            try (Form form = st.form("my_form")) {
                form.timeInput("Enter the time", o -> o.value(LocalTime.of(9, 30)).key("update_time"));
                form.numberInput("Enter a value", 0, o -> o.step(1).key("increment_value"));
                form.formSubmitButton("Update", b -> b.onClick(() -> {
                    state.put("count", state.getInt("count") + state.getInt("increment_value"));
                    state.put("last_updated", state.get("update_time"));
                }));
            }
            st.write("Current Count = ", state.get("count"));
            st.write("Last Updated = ", state.get("last_updated"));
        };
    }

    @Test
    void S6_1_formEditsSendNothingUntilSubmitThenEverythingAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        try (PageTester t = PageTester.of(example4(runs)).run()) {
            t.numberInput("Enter a value").setValue(5);
            t.timeInput("Enter the time").setValue(LocalTime.of(10, 15));
            t.run();
            assertThat(t.markdown(0).value()).as("no submit yet").isEqualTo("Current Count = 0");
            assertThat(t.sessionState().get("increment_value")).isEqualTo(0);
            t.formSubmitButton("Update").click().run();
            assertThat(t.markdown(0).value()).isEqualTo("Current Count = 5");
            assertThat(t.markdown(1).value()).isEqualTo("Last Updated = 10:15");
            assertThat(t.sessionState().keys()).contains("FormSubmitter:my_form-Update", "increment_value", "update_time");
        }
    }

    @Test
    void S6_1_aRerunOutsideTheFormKeepsTheLastSubmittedValues() {
        AtomicInteger runs = new AtomicInteger();
        try (PageTester t = PageTester.of(example4(runs)).run()) {
            t.form("my_form").numberInput("Enter a value").setValue(3);
            t.form("my_form").submit().run();
            t.numberInput("Enter a value").setValue(9);
            t.run();
            assertThat(t.sessionState().get("increment_value")).isEqualTo(3);
            assertThat(t.markdown(0).value()).isEqualTo("Current Count = 3");
        }
    }

    @Test
    void S6_2_clearOnSubmitShowsTheSubmittedValuesInTheSubmitRunAndTheDefaultsInTheBrowser() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (PageTester t = PageTester.of(st -> {
            st.form("todo", o -> o.clearOnSubmit(true), form -> {
                String item = form.textInput("New item", o -> o.key("item"));
                if (form.formSubmitButton("Add") && !item.isEmpty()) {
                    seen.add(item);
                }
            });
        }).run()) {
            t.textInput("New item").input("buy milk");
            t.formSubmitButton("Add").click().run();
            assertThat(seen).containsExactly("buy milk");
            assertThat(t.textInput("New item").value()).isEqualTo("buy milk");
            assertThat(t.textInput("New item").browserValue()).isEqualTo("");
            assertThat(t.sessionState().get("item")).as("until the next submit").isEqualTo("buy milk");
        }
    }

    @Test
    void S6_3_onlyTheSubmitButtonMayHaveACallback() {
        try (PageTester t = PageTester.of(st -> st.form("f", o -> { }, form -> {
            form.checkbox("Agree", o -> o.onChange(() -> { }));
            form.formSubmitButton("Go");
        })).run()) {
            assertThat(t.exceptions()).singleElement().extracting(ExceptionInfo::message).isEqualTo(
                    "Within a form, callbacks can only be defined on formSubmitButton. Defining callbacks on other "
                            + "widgets inside a form is not allowed.");
        }
    }

    @Test
    void S6_4_structuralErrors() {
        assertThat(errorOf(st -> st.form("outer").form("inner"))).isEqualTo("Forms cannot be nested in other forms.");
        assertThat(errorOf(st -> st.form("f").button("Click"))).isEqualTo("button() can't be used in a form().");
        assertThat(errorOf(st -> st.formSubmitButton("Go"))).isEqualTo("formSubmitButton() must be used inside a form().");
        assertThat(errorOf(st -> {
            st.form("k").formSubmitButton("A");
            st.form("k").formSubmitButton("B");
        })).isEqualTo("There are multiple identical forms with key='k'.");
    }

    @Test
    void S6_4_aFormWithoutSubmitButtonSaysSoInsideIt() {
        try (PageTester t = PageTester.of(st -> st.form("lonely").textInput("Name")).run()) {
            assertThat(t.form("lonely").errors()).singleElement().extracting(TextElement::value).asString()
                    .startsWith("**Missing Submit Button**");
            assertThat(t.form("lonely").elements()).last().isInstanceOf(Alert.class);
        }
    }

    @Test
    void S6_4_theFormKeyOccupiesTheStateNamespace() {
        assertThat(errorOf(st -> {
            state.put("k", 1);
            st.form("k").formSubmitButton("Go");
        })).isEqualTo("Values for the widget with key \"k\" cannot be set using SessionState.");
        assertThat(errorOf(st -> {
            st.form("k").formSubmitButton("Go");
            state.put("k", 1);
        })).isEqualTo("SessionState key \"k\" cannot be modified after the widget with key \"k\" is instantiated.");
    }

    @Test
    void S6_5_aWidgetInAContainerInsideAFormBelongsToTheForm() {
        AtomicInteger runs = new AtomicInteger();
        try (PageTester t = PageTester.of(st -> {
            runs.incrementAndGet();
            Form form = st.form("f");
            form.columns(2).get(1).textInput("Inner", o -> o.key("inner"));
            form.formSubmitButton("Save");
        }).run()) {
            t.textInput("Inner").input("held");
            t.run();
            assertThat(t.sessionState().get("inner")).isEqualTo("");
            t.form("f").submit().run();
            assertThat(t.sessionState().get("inner")).isEqualTo("held");
        }
    }

    @Test
    void S2_10_ofSeveralSubmitButtonsOnlyTheClickedOneIsTrue() {
        List<String> pressed = Collections.synchronizedList(new ArrayList<>());
        try (PageTester t = PageTester.of(st -> st.form("f", o -> { }, form -> {
            form.textInput("Name", o -> o.key("name"));
            if (form.formSubmitButton("Save")) {
                pressed.add("Save " + state.get("name"));
            }
            if (form.formSubmitButton("Save as draft")) {
                pressed.add("Draft " + state.get("name"));
            }
        })).run()) {
            t.textInput("Name").input("Ada");
            t.formSubmitButton("Save as draft").click().run();
            assertThat(pressed).containsExactly("Draft Ada");
            assertThat(t.sessionState().get("FormSubmitter:f-Save")).isEqualTo(false);
            assertThat(t.sessionState().get("FormSubmitter:f-Save as draft")).isEqualTo(false);
        }
    }

    private static String errorOf(Page page) {
        try (PageTester t = PageTester.of(page).run()) {
            assertThat(t.exceptions()).hasSize(1);
            return t.exceptions().get(0).message();
        }
    }
}
