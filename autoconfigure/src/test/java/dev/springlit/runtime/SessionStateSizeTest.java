package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.springlit.SessionState;
import dev.springlit.UploadedFile;
import dev.springlit.element.Element;
import dev.springlit.element.ExceptionElement;
import dev.springlit.element.Text;
import dev.springlit.runtime.RuntimeHarness.Tab;
import dev.springlit.runtime.run.SessionStateTooLargeException;
import dev.springlit.runtime.run.UnserializableValueException;
import dev.springlit.runtime.scope.CurrentSessionState;

/** streamlit.runner.max-session-state-size: a session's state cannot grow past the limit, and the page is told. */
class SessionStateSizeTest {

    private static final int LIMIT = 10_000;

    private final SessionState state = new CurrentSessionState();
    private final ScriptedPage page = new ScriptedPage();
    private RuntimeHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    private Tab open(long limit) {
        harness = RuntimeHarness.start(RuntimeHarness.settings(false, true, Duration.ofSeconds(120)), page);
        harness.engine.setMaxSessionStateSize(limit);
        return harness.open();
    }

    @Test
    void aPutOfAValueLargerThanTheLimitThrowsAtOnceAndStoresNothing() {
        Tab tab = open(LIMIT);
        page.run(tab, st -> state.put("small", "x"));

        assertThatThrownBy(() -> page.run(tab, st -> state.put("big", new byte[20_000])))
                .isInstanceOf(SessionStateTooLargeException.class)
                .hasMessageStartingWith("The value of \"big\" takes about 200")
                .hasMessageEndingWith(" bytes, more than streamlit.runner.max-session-state-size (10000 bytes) allows "
                        + "for the whole SessionState; it was not stored.");
        assertThat(tab.state()).containsOnlyKeys("small");
    }

    @Test
    void aRunThatEndsOverTheLimitKeepsNoneOfItsStateChangesAndSaysSo() {
        Tab tab = open(LIMIT);
        page.run(tab, st -> {
            state.put("count", 1);
            st.text("first");
        });

        // each value fits, all of them together do not
        page.run(tab, st -> {
            state.put("count", 2);
            for (int i = 0; i < 4; i++) {
                state.put("chunk" + i, new byte[3_000]);
            }
            st.text("the run's output");
        });

        List<Element> elements = tab.elements();
        assertThat(elements).hasSize(2);
        assertThat(elements.get(0)).isEqualTo(new Text("the run's output"));
        assertThat(elements.get(1)).as("reported after the run's output").isInstanceOfSatisfying(ExceptionElement.class, e -> {
            assertThat(e.type()).isEqualTo(SessionStateTooLargeException.class.getName());
            assertThat(e.message()).startsWith("SessionState would hold about 12")
                    .contains(" bytes after this run, more than streamlit.runner.max-session-state-size (10000 bytes); "
                            + "the run's changes to SessionState were not kept. The largest values: \"chunk")
                    .endsWith("Remove or shrink values (clear old entries, keep big data in a cache or a database).");
        });
        assertThat(tab.state()).as("the state before the run").containsOnlyKeys("count").containsEntry("count", 1);

        // the session keeps working: a run within the limit commits as usual
        page.run(tab, st -> {
            state.put("count", state.getInt("count") + 1);
            state.put("chunk", new byte[3_000]);
            st.text("fine");
        });
        assertThat(tab.state()).containsEntry("count", 2).containsKey("chunk");
        assertThat(tab.elements()).containsExactly(new Text("fine"));
    }

    @Test
    void aValueThatGrowsInPlaceIsCaughtWhenTheRunEnds() {
        Tab tab = open(LIMIT);
        page.run(tab, st -> state.put("log", new ArrayList<String>()));

        page.run(tab, st -> {
            @SuppressWarnings("unchecked")
            List<String> log = (List<String>) state.get("log");
            for (int i = 0; i < 2_000; i++) {
                log.add("entry " + i); // no put: the stored list itself grows
            }
            st.text("appended");
        });

        assertThat(tab.elements().get(1)).isInstanceOfSatisfying(ExceptionElement.class,
                e -> assertThat(e.message()).contains("The largest values: \"log\" "));
    }

    @Test
    void theLimitMeasuresSerializedValuesSoTheyMustBeSerializable() {
        Tab tab = open(LIMIT);
        assertThatThrownBy(() -> page.run(tab, st -> state.put("f", (Function<String, String>) s -> s)))
                .isInstanceOf(UnserializableValueException.class);
        assertThat(tab.state()).doesNotContainKey("f");
    }

    @Test
    void uploadedFilesCountAsAReferenceOnly() {
        Tab tab = open(LIMIT);
        UploadedFile upload = new UploadedFile("id", "big.bin", null, new byte[50_000]);

        page.run(tab, st -> {
            state.put("upload", upload);
            st.text("kept");
        });

        assertThat(tab.state()).containsEntry("upload", upload);
        assertThat(tab.elements()).containsExactly(new Text("kept"));
    }

    @Test
    void withoutALimitNothingIsMeasured() {
        Tab tab = open(0);
        page.run(tab, st -> {
            state.put("big", new byte[1_000_000]);
            state.put("f", (Function<String, String>) s -> s);
            st.text("done");
        });
        assertThat(tab.state()).containsKeys("big", "f");
        assertThat(tab.elements()).containsExactly(new Text("done"));
    }
}
