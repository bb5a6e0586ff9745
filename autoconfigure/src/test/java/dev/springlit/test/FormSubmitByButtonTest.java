package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.springlit.Form;
import dev.springlit.Page;
import dev.springlit.SessionState;

/** Issue 15: {@code tester.button("Save")} finds a form's submit button too (as AppTest's at.button does) and submits. */
class FormSubmitByButtonTest {

    private final SessionState state = PageTester.sessionStateProxy();

    private Page profile() {
        return st -> {
            try (Form form = st.form("profile")) {
                form.textInput("Name", o -> o.key("name"));
                form.formSubmitButton("Save", b -> b.onClick(() -> state.put("saved", state.getString("name"))));
            }
            st.write("Saved: " + state.getOrDefault("saved", "(nothing)"));
        };
    }

    @Test
    void buttonByLabelSubmitsAForm() {
        try (PageTester t = PageTester.of(profile()).run()) {
            t.textInput("Name").input("Ada");
            ButtonElement save = t.button("Save");
            assertThat(save.label()).isEqualTo("Save");
            assertThat(save.disabled()).isFalse();
            save.click().run();
            assertThat(t.exceptions()).isEmpty();
            assertThat(t.markdown(0).value()).isEqualTo("Saved: Ada");
        }
    }

    @Test
    void aMissingButtonNamesThePagesButtonsAndFormSubmitButtons() {
        try (PageTester t = PageTester.of(profile()).run()) {
            assertThatThrownBy(() -> t.button("Send")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("No button labelled \"Send\"").hasMessageContaining("[Save]");
        }
    }
}
