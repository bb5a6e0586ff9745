package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.springlit.element.Alert;
import dev.springlit.element.Code;
import dev.springlit.element.Divider;
import dev.springlit.element.ElementPath;
import dev.springlit.element.ExceptionElement;
import dev.springlit.element.Heading;
import dev.springlit.element.Markdown;
import dev.springlit.element.Text;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;

/** The text elements a run draws, top to bottom, and what the tab is sent when a rerun draws them again. */
class TextElementsTest extends ScriptedPageTest {

    /**
     * All changes sent for run {@code run} (a slow run's output may come in several deltas), without the
     * progress marks ({@code reached}) that a delta sent while the run goes on carries.
     */
    private List<ServerMessage.Op> opsOfRun(int run) {
        List<ServerMessage.Op> ops = new ArrayList<>();
        for (ServerMessage.Delta delta : tab.connection.messages(ServerMessage.Delta.class)) {
            if (delta.run() == run) {
                delta.ops().stream().filter(op -> !(op instanceof ServerMessage.ReachedOp)).forEach(ops::add);
            }
        }
        return ops;
    }

    @Test
    void aDeltaSentWhileTheRunGoesOnSaysHowFarItGotAndTheLastDeltaDoesNot() throws Exception {
        page.run(tab, st -> {
            st.text("a");
            st.text("b");
        });
        int first = tab.session.runCount();
        page.run(tab, st -> {
            st.text("a");
            // the run waits until the engine's flusher (every 50 ms) has sent what it drew so far
            RuntimeHarness.await("a delta of the run going on", () -> tab.connection.messages(ServerMessage.Delta.class)
                    .stream().anyMatch(delta -> delta.run() == first + 1 && delta.status() == null));
            st.text("b");
        });
        List<ServerMessage.Delta> deltas = tab.connection.messages(ServerMessage.Delta.class).stream()
                .filter(delta -> delta.run() == first + 1).toList();
        assertThat(deltas.get(0).status()).isNull();
        assertThat(deltas.get(0).ops()).singleElement().isInstanceOfSatisfying(ServerMessage.ReachedOp.class,
                reached -> assertThat(reached.path()).isEqualTo(ElementPath.of(0, 0)));
        assertThat(deltas.get(deltas.size() - 1).status()).isEqualTo(RunStatus.OK);
        assertThat(deltas.get(deltas.size() - 1).ops()).as("nothing changed, and the run is over").isEmpty();
    }

    @Test
    void eachTextCallDrawsItsElementInOrder() {
        page.run(tab, st -> {
            st.title("T");
            st.header("H");
            st.subheader("S");
            st.markdown("*m*");
            st.markdown("<b>raw</b>", m -> m.unsafeAllowHtml(true).help("tip"));
            st.text("plain");
            st.caption("small");
            st.code("int x;");
            st.code("int y;", "java");
            st.divider();
            st.error("e");
            st.warning("w");
            st.info("i");
            st.success("s");
            st.exception(new IllegalStateException("shown, not thrown"));
        });

        assertThat(tab.elements()).hasSize(15);
        assertThat(tab.elements().subList(0, 14)).containsExactly(
                new Heading(1, "T"), new Heading(2, "H"), new Heading(3, "S"),
                Markdown.of("*m*"), new Markdown("<b>raw</b>", true, false, "tip"),
                new Text("plain"), new Markdown("small", false, true, null),
                new Code("int x;", null), new Code("int y;", "java"), new Divider(),
                new Alert(Alert.Level.ERROR, "e"), new Alert(Alert.Level.WARNING, "w"),
                new Alert(Alert.Level.INFO, "i"), new Alert(Alert.Level.SUCCESS, "s"));
        assertThat(tab.elements().get(14)).isInstanceOfSatisfying(ExceptionElement.class,
                e -> assertThat(e.message()).isEqualTo("shown, not thrown"));
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
    }

    @Test
    void aRerunSendsOnlyWhatChanged() {
        page.run(tab, st -> {
            st.text("a");
            st.text("b");
            st.text("c");
        });
        int first = tab.session.runCount();
        tab.rerun();
        assertThat(opsOfRun(first + 1)).as("nothing changed").isEmpty();
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);

        page.run(tab, st -> {
            st.text("a");
            st.text("B");
        });
        List<ServerMessage.Op> ops = opsOfRun(first + 2);
        assertThat(ops).hasSize(2);
        assertThat(ops.get(0)).isInstanceOfSatisfying(ServerMessage.SetOp.class, set -> {
            assertThat(set.path()).isEqualTo(ElementPath.of(0, 1));
            assertThat(set.element()).isEqualTo(new Text("B"));
        });
        assertThat(ops.get(1)).isInstanceOfSatisfying(ServerMessage.TrimOp.class, trim -> {
            assertThat(trim.path()).isEqualTo(ElementPath.MAIN);
            assertThat(trim.length()).isEqualTo(2);
        });
        assertThat(tab.elements()).containsExactly(new Text("a"), new Text("B"));
    }
}
