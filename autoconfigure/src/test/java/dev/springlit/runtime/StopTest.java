package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.springlit.SessionState;
import dev.springlit.element.Text;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.scope.CurrentSessionState;

/**
 * The tab's Stop (docs/protocol.md, {@code stop}): the run going on ends at once, even asleep in the page; what it
 * drew stays, none of its state is committed (runs are transactions), and it is not replayed.
 */
class StopTest extends ScriptedPageTest {

    private final SessionState state = new CurrentSessionState();

    @Test
    void stopWakesASleepingPageAndEndsItsRunKeepingWhatItDrew() {
        Gate gate = new Gate();
        page.body(st -> {
            st.text("before");
            state.put("reached", true);
            gate.sleep();
            st.text("after"); // the stop ends the run before this
        });
        tab.session.requestRerun();
        gate.awaitEntered();
        long stopped = System.nanoTime();
        tab.session.stopRun();
        tab.awaitIdle();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped)).as("ms until the run ended")
                .isLessThan(1000);
        assertThat(gate.wokenByInterrupt()).isTrue();
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.STOPPED);
        assertThat(tab.elements()).containsExactly(new Text("before"));
        assertThat(tab.state()).doesNotContainKey("reached");
    }

    @Test
    void stopWithNothingRunningChangesNothing() {
        page.run(tab, st -> st.text("idle"));
        tab.session.stopRun();
        tab.rerun();
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
        assertThat(tab.elements()).containsExactly(new Text("idle"));
    }
}
