package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.StateKey;
import dev.springlit.St;
import dev.springlit.StreamlitApiException;
import dev.springlit.UploadedFile;

/** Issue 16's Streamlit behaviours, as a page test sees them: S6.2 clear on submit, S4.7 widgets without default, S3.2. */
class FidelityTest {

    private final SessionState state = PageTester.sessionStateProxy();

    /** A clear-on-submit form that reports what its submit run saw. */
    private Page savingForm(AtomicInteger runs, List<String> saved) {
        return st -> {
            runs.incrementAndGet();
            st.form("f", o -> o.clearOnSubmit(true), form -> {
                String name = form.textInput("Name", o -> o.key("name"));
                Integer age = form.numberInput("Age", 30, o -> { });
                if (form.formSubmitButton("Save")) {
                    saved.add(name + "/" + age);
                    st.success("Saved " + name);
                }
            });
            st.write("v=" + state.getString("name"));
        };
    }

    @Test
    void S6_2_theSubmitRunsOutputStaysAndOnlyTheBrowsersWidgetsAreCleared() {
        AtomicInteger runs = new AtomicInteger();
        List<String> saved = Collections.synchronizedList(new ArrayList<>());
        try (PageTester t = PageTester.of(savingForm(runs, saved)).run()) {
            t.textInput("Name").input("abc");
            t.numberInput("Age").setValue(41);
            t.formSubmitButton("Save").click().run();
            assertThat(runs).as("the submit causes one run, no extra run to clear").hasValue(2);
            assertThat(saved).containsExactly("abc/41");
            assertThat(t.success(0).value()).isEqualTo("Saved abc");
            assertThat(t.markdown(0).value()).isEqualTo("v=abc");
            assertThat(t.sessionState().get("name")).isEqualTo("abc");
            assertThat(t.textInput("Name").value()).as("the server keeps the submitted value").isEqualTo("abc");
            assertThat(t.textInput("Name").browserValue()).as("the browser shows the default").isEqualTo("");
            assertThat(t.numberInput("Age").browserValue()).isEqualTo(30);
        }
    }

    @Test
    void S6_2_aRerunOutsideTheFormStillReportsTheSubmittedValuesAndTheNextSubmitSendsTheDefaults() {
        AtomicInteger runs = new AtomicInteger();
        List<String> saved = Collections.synchronizedList(new ArrayList<>());
        try (PageTester t = PageTester.of(savingForm(runs, saved)).run()) {
            t.textInput("Name").input("abc");
            t.formSubmitButton("Save").click().run();
            t.run();
            assertThat(t.markdown(0).value()).isEqualTo("v=abc");
            assertThat(t.successes()).as("the success was the submit run's").isEmpty();
            assertThat(t.textInput("Name").browserValue()).as("the cleared field stays pending").isEqualTo("");
            t.formSubmitButton("Save").click().run();
            assertThat(saved).containsExactly("abc/30", "/30");
            assertThat(t.markdown(0).value()).isEqualTo("v=");
        }
    }

    @Test
    void S6_2_aClearedFormsUploaderHoldsNoFileAndTheNextSubmitSendsNone() {
        List<String> saved = Collections.synchronizedList(new ArrayList<>());
        try (PageTester t = PageTester.of(st -> st.form("f", o -> o.clearOnSubmit(true), form -> {
            UploadedFile file = form.fileUploader("Attachment");
            if (form.formSubmitButton("Save")) {
                saved.add(file == null ? "none" : file.name());
            }
        })).run()) {
            t.widget("Attachment").upload("note.txt", "hello".getBytes(StandardCharsets.UTF_8));
            t.formSubmitButton("Save").click().run();
            assertThat(t.widget("Attachment").browserValue()).as("the browser shows no file").isEqualTo(List.of());
            t.formSubmitButton("Save").click().run();
            assertThat(saved).containsExactly("note.txt", "none");
        }
    }

    @Test
    void S4_7_aKeyedNumberInputWithoutDefaultTakesTheStateValueWithoutWarning() {
        try (PageTester t = PageTester.of(st -> {
            state.setDefault("celsius", 20.0);
            state.setDefault("count", 3);
            st.write("c=", st.numberInput("Celsius", Double.class, o -> o.key("celsius")));
            st.write("n=", st.numberInput("Count", Integer.class, o -> o.key("count").min(0)));
            if (st.button("Reset")) {
                state.put("celsius", 0.0);
            }
        }).run()) {
            assertThat(t.warnings()).isEmpty();
            assertThat(t.markdown(0).value()).isEqualTo("c= 20.0");
            assertThat(t.markdown(1).value()).isEqualTo("n= 3");
            t.numberInput("Celsius").setValue(25.5).run();
            assertThat(t.markdown(0).value()).isEqualTo("c= 25.5");
            assertThat(t.warnings()).isEmpty();
        }
    }

    @Test
    void S4_7_aNumberInputWithoutDefaultStartsAtItsMinimumOrZero() {
        try (PageTester t = PageTester.of(st -> {
            st.write("a=", st.numberInput("A", Integer.class, o -> { }));
            st.write("b=", st.numberInput("B", Long.class, o -> o.min(5L)));
            st.write("c=", st.numberInput("C", Double.class, o -> o.value(1.5)));
        }).run()) {
            assertThat(t.markdown(0).value()).isEqualTo("a= 0");
            assertThat(t.markdown(1).value()).isEqualTo("b= 5");
            assertThat(t.markdown(2).value()).isEqualTo("c= 1.5");
        }
    }

    @Test
    void S4_7_aValueGivenInOptionsStillWarns() {
        try (PageTester t = PageTester.of(st -> {
            state.put("n", 5);
            st.numberInput("N", Integer.class, o -> o.key("n").value(1));
        }).run()) {
            assertThat(t.warning(0).value()).isEqualTo("The widget with key \"n\" was created with a default value but "
                    + "also had its value set via the SessionState API.");
        }
    }

    @Test
    void S4_7_selectboxAndRadioWithoutIndexOrWithIndexZeroDoNotWarn() {
        try (PageTester t = PageTester.of(st -> {
            state.setDefault("size", "M");
            state.setDefault("colour", "blue");
            st.selectbox("Size", List.of("S", "M", "L"), o -> o.key("size"));
            st.radio("Colour", List.of("red", "blue"), o -> o.key("colour").index(null));
            st.dateInput("Day", o -> o.key("day"));
        }).run()) {
            assertThat(t.warnings()).isEmpty();
            assertThat(t.sessionState().get("size")).isEqualTo("M");
            assertThat(t.sessionState().get("colour")).isEqualTo("blue");
            assertThat(t.sessionState().get("day")).isInstanceOf(LocalDate.class);
        }
    }

    @Test
    void S3_2_readingWritingOrRemovingAReservedKeyGivesTheSameError() {
        List<Consumer<St>> uses = List.of(
                st -> state.get("$$x"),
                st -> state.getString("$$x"),
                st -> state.getOrDefault("$$x", 1),
                st -> state.get(StateKey.of("$$typed", Integer.class)),
                st -> state.remove("$$x"),
                st -> state.update("$$x", (Integer v) -> v + 1),
                st -> state.put("$$x", 1),
                st -> state.setDefault("$$x", 1));
        for (Consumer<St> use : uses) {
            try (PageTester t = PageTester.of(use::accept).run()) {
                assertThat(t.exceptions()).singleElement().extracting(ExceptionInfo::message)
                        .isEqualTo("Keys beginning with $$ are reserved.");
            }
        }
    }

    @Test
    void S3_2_theTestersStateBetweenRunsRefusesReservedKeysToo() {
        try (PageTester t = PageTester.of(st -> st.write("hi")).run()) {
            SessionState between = t.sessionState();
            for (Runnable use : List.<Runnable>of(() -> between.get("$$x"), () -> between.remove("$$x"),
                    () -> between.put("$$x", 1), () -> between.getOrDefault("$$x", 1))) {
                assertThatThrownBy(use::run).isInstanceOf(StreamlitApiException.class)
                        .hasMessage("Keys beginning with $$ are reserved.");
            }
        }
    }
}
