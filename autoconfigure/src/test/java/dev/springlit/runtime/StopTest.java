package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.springlit.SessionState;
import dev.springlit.element.Text;

/** The tab's Stop (docs/protocol.md, {@code stop}): the run going on ends as st.stop() would, and soon. */
class StopTest extends ScriptedPageTest {

    private final SessionState state = new CurrentSessionState();

    @Test
    void stopWakesASleepingPageAndEndsItsRunAsStStopWouldKeepingItsOutputAndState() {
        Gate gate = new Gate();
        page.body(st -> {
            st.text("before");
            state.put("reached", true);
            gate.sleep();
            st.text("after"); // the stop ends the run here
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
        assertThat(tab.state()).containsEntry("reached", true);
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
