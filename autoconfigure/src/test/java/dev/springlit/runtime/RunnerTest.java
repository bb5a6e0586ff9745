package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.springlit.runtime.session.CommittedState;
import dev.springlit.SessionState;
import dev.springlit.element.Text;
import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.scope.CurrentSessionState;

/** The Runner: the one commit point comes before the tab hears that a run ended, and a stopped run is not replayed. */
class RunnerTest {

    @Test
    void whenTheTabHearsThatARunEndedTheStateThatRunCommittedIsAlreadyCommitted() {
        SessionState state = new CurrentSessionState();
        AtomicInteger runs = new AtomicInteger();
        try (RuntimeHarness harness = RuntimeHarness.start(st -> {
            state.put("run", runs.incrementAndGet());
            st.button("Go");
        })) {
            RuntimeHarness.Tab tab = harness.create();
            List<Object> seenAtEnd = new CopyOnWriteArrayList<>();
            ClientConnection tabThatLooks = new ClientConnection() {
                @Override
                public void send(ServerMessage message) {
                    if (message instanceof ServerMessage.Delta delta && delta.status() != null) {
                        seenAtEnd.add(CommittedState.of(tab.session).values().get("run"));
                    }
                    tab.connection.send(message);
                }

                @Override
                public void close(String reason) {
                    tab.connection.close(reason);
                }
            };
            tab.session.attach(tabThatLooks, true);
            tab.awaitIdle();
            String go = tab.buttonId("Go");
            tab.session.interact(Map.of(), go);
            tab.session.interact(Map.of(), go);
            tab.awaitIdle();

            assertThat(seenAtEnd).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aStoppedRunEndsAsStoppedKeepsWhatItDrewCommitsNothingAndIsNotReplayed() throws InterruptedException {
        SessionState state = new CurrentSessionState();
        Gate gate = new Gate();
        AtomicInteger runs = new AtomicInteger();
        try (RuntimeHarness harness = RuntimeHarness.start(st -> {
            int run = runs.incrementAndGet();
            st.text("run " + run);
            if (run == 2) {
                state.put("second", true);
                gate.pass();
                st.text("after the stop"); // the first St call after the stop ends the run
            }
        })) {
            RuntimeHarness.Tab tab = harness.open();
            tab.session.requestRerun();
            gate.awaitEntered();

            assertThat(tab.session.stopRun()).isTrue();
            gate.open();
            tab.awaitIdle();

            assertThat(tab.lastStatus()).isEqualTo(RunStatus.STOPPED);
            assertThat(tab.elements()).containsExactly(new Text("run 2"));
            assertThat(tab.state()).doesNotContainKey("second");
            assertThat(runs).as("not replayed").hasValue(2);
            assertThat(tab.session.stopRun()).as("nothing runs now").isFalse();
        }
    }

    @Test
    void aRunThatWaitsStillRunsAfterAStoppedOne() {
        Gate gate = new Gate();
        AtomicInteger runs = new AtomicInteger();
        try (RuntimeHarness harness = RuntimeHarness.start(st -> {
            if (runs.incrementAndGet() == 2) {
                gate.pass();
            }
            if (st.button("Go")) {
                st.text("clicked");
            }
        })) {
            RuntimeHarness.Tab tab = harness.open();
            tab.clickAsync("Go");
            gate.awaitEntered();
            tab.clickAsync("Go");

            tab.session.stopRun();
            gate.open();
            tab.awaitIdle();

            assertThat(runs).hasValue(3);
            assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
            assertThat(tab.elements()).contains(new Text("clicked"));
            assertThat(Map.copyOf(tab.state())).isEmpty();
        }
    }
}
