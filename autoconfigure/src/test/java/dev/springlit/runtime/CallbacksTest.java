package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.springlit.SessionState;
import dev.springlit.element.Text;
import dev.springlit.runtime.RuntimeHarness.Tab;
import dev.springlit.runtime.scope.CurrentSessionState;

/** Section 5 of SEMANTICS.md: callbacks, for buttons. */
class CallbacksTest {

    private final SessionState state = new CurrentSessionState();
    private RuntimeHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void S5_1_argsAndKwargsAreBoundWhenTheButtonIsDrawn() {
        List<String> seen = new CopyOnWriteArrayList<>();
        harness = RuntimeHarness.start(st -> {
            int drawnWith = state.setDefault("count", 0);
            st.button("Args", b -> b.onClick(a -> seen.add("args " + a.args() + " kwargs " + a.kwargs()
                            + " count now " + state.get("count")))
                    .args(drawnWith, "x")
                    .kwargs(Map.of("n", drawnWith * 10)));
            st.button("Captured", b -> b.onClick(() -> seen.add("captured " + drawnWith)));
            st.button("Typed", b -> b.onClick(a -> seen.add("typed " + a.getInt(0) + " " + a.getInt("n", -1)
                    + " " + a.getInt("missing", -1))).args(drawnWith).kwargs(Map.of("n", drawnWith)));
            state.put("count", drawnWith + 1); // after drawing: the callbacks must still see the drawn values
        });
        Tab tab = harness.open();

        tab.click("Args");
        tab.click("Captured");
        tab.click("Typed");

        assertThat(seen).containsExactly(
                "args [0, x] kwargs {n=0} count now 1",
                "captured 1",
                "typed 2 2 -1");
    }

    @Test
    void S5_3_aCallbackMayWriteAnyKey() {
        harness = RuntimeHarness.start(st -> {
            if (!state.contains("initialized")) {
                state.put("initialized", true);
                state.put("kept", "initial");
                state.put("removed", "here");
            }
            st.button("Go", b -> b.onClick(() -> {
                state.put("kept", "written by the callback");
                state.put("fresh", 42);
                state.remove("removed");
            }));
            st.text("kept=" + state.get("kept") + " fresh=" + state.<Object>getOrDefault("fresh", "none")
                    + " removed=" + state.<Object>getOrDefault("removed", "gone"));
        });
        Tab tab = harness.open();
        assertThat(tab.elements()).contains(new Text("kept=initial fresh=none removed=here"));

        tab.click("Go");

        assertThat(tab.elements()).contains(new Text("kept=written by the callback fresh=42 removed=gone"));
        assertThat(tab.state()).containsEntry("kept", "written by the callback").containsEntry("fresh", 42)
                .doesNotContainKey("removed");
    }
}
