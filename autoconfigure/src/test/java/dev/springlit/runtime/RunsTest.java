package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.springlit.SessionState;
import dev.springlit.element.Alert;
import dev.springlit.element.Button;
import dev.springlit.element.Element;
import dev.springlit.element.ExceptionElement;
import dev.springlit.element.Text;
import dev.springlit.runtime.RuntimeHarness.Tab;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.control.RunInterruptedException;
import dev.springlit.runtime.control.Tracebacks;
import dev.springlit.runtime.scope.CurrentSessionState;

/** Section 2 of SEMANTICS.md: runs (for buttons and text elements). */
class RunsTest {

    private final SessionState state = new CurrentSessionState();
    private RuntimeHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    // ---- S2.1 ---------------------------------------------------------------------------------------------

    @Test
    void S2_1_anUnknownTriggerOrAValueForAButtonIsRefusedAndTheSessionKeepsWorking() {
        harness = RuntimeHarness.start(st -> {
            state.setDefault("count", 0);
            if (st.button("Inc")) {
                state.put("count", state.getInt("count") + 1);
            }
            st.text("count=" + state.get("count"));
        });
        Tab tab = harness.open();
        String inc = tab.buttonId("Inc");

        tab.session.interact(Map.of(), "$$w:button:doesnotexist");
        tab.awaitIdle();
        tab.session.interact(Map.of(inc, true), null);
        tab.awaitIdle();

        assertThat(tab.connection.errors()).extracting(ServerMessage.Error::code)
                .containsExactly("unknown_widget", "unknown_widget");
        assertThat(tab.connection.errors().get(0).message()).contains("$$w:button:doesnotexist");
        assertThat(tab.connection.errors().get(1).message()).contains(inc);
        assertThat(tab.state()).containsEntry("count", 0);
        assertThat(tab.statuses()).containsExactly(RunStatus.OK, RunStatus.OK, RunStatus.OK);

        tab.click("Inc");
        assertThat(tab.state()).containsEntry("count", 1);
        assertThat(tab.elements()).contains(new Text("count=1"));
    }

    @Test
    void S2_1_anIllTypedValueIsRefusedAndTheRestOfTheMessageStillApplies() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        harness = RuntimeHarness.start(st -> {
            boolean a = st.checkbox("A", o -> o.key("a"));
            boolean b = st.checkbox("B");
            seen.add(a + "/" + b);
        });
        Tab tab = harness.open();

        tab.session.interact(Map.of(tab.widgetId("A"), "yes", tab.widgetId("B"), true), null);
        tab.awaitIdle();

        assertThat(tab.connection.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("bad_value");
            assertThat(e.message()).contains(tab.widgetId("A"));
        });
        assertThat(seen).containsExactly("false/false", "false/true");
        assertThat(tab.state()).containsEntry("a", false);
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
    }

    // ---- S2.2 ---------------------------------------------------------------------------------------------

    @Test
    void S2_2_callbacksRunBeforeTheBodyWhichRunsTopToBottomAndTriggersResetAtTheEnd() {
        List<String> events = new CopyOnWriteArrayList<>();
        harness = RuntimeHarness.start(st -> {
            state.setDefault("count", 0);
            events.add("body start");
            boolean clicked = st.button("Go", b -> b.key("go").onClick(() -> {
                events.add("callback sees go=" + state.get("go") + " count=" + state.get("count"));
                state.put("count", state.getInt("count") + 1);
            }));
            events.add("body sees clicked=" + clicked + " go=" + state.get("go") + " count=" + state.get("count"));
            st.text("end");
        });
        Tab tab = harness.open();
        assertThat(events).containsExactly("body start", "body sees clicked=false go=false count=0");
        events.clear();

        tab.click("Go");

        assertThat(events).containsExactly("callback sees go=true count=0", "body start",
                "body sees clicked=true go=true count=1");
        assertThat(tab.state()).containsEntry("go", false).containsEntry("count", 1);
        assertThat(tab.elements()).last().isEqualTo(new Text("end"));
    }

    @Test
    void S2_2_callbacksOfEveryChangedWidgetRunInPageOrderOnceEach() {
        List<String> callbacks = new CopyOnWriteArrayList<>();
        harness = RuntimeHarness.start(st -> {
            st.checkbox("A", o -> o.onChange(() -> callbacks.add("A")));
            st.button("Go", b -> b.onClick(() -> callbacks.add("Go")));
            st.checkbox("C", o -> o.onChange(() -> callbacks.add("C")));
            st.checkbox("Unchanged", o -> o.onChange(() -> callbacks.add("Unchanged")));
        });
        Tab tab = harness.open();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(tab.widgetId("C"), true); // message order is not page order
        values.put(tab.widgetId("Unchanged"), false);
        values.put(tab.widgetId("A"), true);

        tab.session.interact(values, tab.buttonId("Go"));
        tab.awaitIdle();

        assertThat(callbacks).containsExactly("A", "Go", "C");
        assertThat(tab.connection.errors()).isEmpty();
    }

    // ---- S2.3 ---------------------------------------------------------------------------------------------

    @Test
    void S2_3_aButtonKeyWrittenByCodeIsNotAClickNowOrLater() {
        AtomicInteger callbacks = new AtomicInteger();
        List<Boolean> values = new CopyOnWriteArrayList<>();
        harness = RuntimeHarness.start(st -> {
            if (state.getOrDefault("hide", false)) {
                state.put("go", true);
                st.text("hidden");
            } else {
                values.add(st.button("Go", b -> b.key("go").onClick(callbacks::incrementAndGet)));
            }
        });
        Tab tab = harness.open();

        tab.session.update(s -> s.put("hide", true), true);
        tab.awaitIdle();
        assertThat(tab.elements()).containsExactly(new Text("hidden"));
        tab.session.update(s -> s.put("hide", false), true);
        tab.awaitIdle();
        tab.rerun();

        assertThat(callbacks).hasValue(0);
        assertThat(values).containsExactly(false, false, false);
        assertThat(tab.state()).containsEntry("go", false);
    }

    // ---- S2.4 ---------------------------------------------------------------------------------------------

    @Test
    void S2_4_aRerunRequestInterruptsTheRunAtItsNextCallAndItsStateWritesAreDiscarded() {
        AtomicReference<Gate> gateForNextClick = new AtomicReference<>();
        List<Object> afterGate = new CopyOnWriteArrayList<>();
        List<Boolean> clicks = new CopyOnWriteArrayList<>();
        AtomicReference<Boolean> interruptSeenAtGate = new AtomicReference<>();
        harness = RuntimeHarness.start(st -> {
            state.setDefault("count", 0);
            boolean clicked = st.button("Inc", b -> b.onClick(() -> state.put("cb", state.getOrDefault("cb", 0) + 1)));
            clicks.add(clicked);
            if (clicked) {
                state.put("count", state.getInt("count") + 1);
                state.put("writtenBeforeGate", true);
                Gate gate = gateForNextClick.getAndSet(null);
                if (gate != null) {
                    interruptSeenAtGate.set(gate.pass());
                    try {
                        afterGate.add("read " + state.get("count"));
                    } catch (RuntimeException e) {
                        afterGate.add(e);
                    }
                    try {
                        st.text("drawn after the interruption");
                        afterGate.add("drew");
                    } catch (RuntimeException e) {
                        afterGate.add(e);
                        throw e;
                    }
                }
            }
            st.text("count=" + state.get("count"));
        });
        Tab tab = harness.open();
        Gate gate = new Gate();
        gateForNextClick.set(gate);

        tab.clickAsync("Inc");
        gate.awaitEntered();
        tab.session.requestRerun();
        gate.open();
        tab.awaitIdle();

        assertThat(interruptSeenAtGate.get()).as("the blocked page thread was interrupted").isTrue();
        assertThat(afterGate).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(RunInterruptedException.class));
        assertThat(clicks).as("first run, interrupted click run, replayed click run")
                .containsExactly(false, true, true);
        assertThat(tab.state()).as("the click counts once: the interrupted run's writes were discarded")
                .containsEntry("count", 1).containsEntry("cb", 1).containsEntry("writtenBeforeGate", true);
        assertThat(tab.session.runCount()).isEqualTo(3);
        assertThat(tab.connection.runEnds()).as("the interrupted run 2 never reports an end")
                .extracting(ServerMessage.Delta::run).containsExactly(1, 3);
        assertThat(tab.statuses()).containsExactly(RunStatus.OK, RunStatus.OK);
        assertThat(tab.elements()).doesNotContain(new Text("drawn after the interruption")).contains(new Text("count=1"));
    }

    @Test
    void S2_4_anInterruptedRunThatSwallowsTheInterruptionStillHasItsWritesDiscarded() {
        AtomicReference<Gate> gateForNextRun = new AtomicReference<>();
        harness = RuntimeHarness.start(st -> {
            state.put("completedRuns", state.getOrDefault("completedRuns", 0) + 1);
            Gate gate = gateForNextRun.getAndSet(null);
            if (gate != null) {
                gate.sleep();
                try {
                    st.text("after sleep");
                } catch (RunInterruptedException swallowed) {
                    return; // a page that catches everything and just returns
                }
            }
            st.text("runs=" + state.get("completedRuns"));
        });
        Tab tab = harness.open();
        Gate gate = new Gate();
        gateForNextRun.set(gate);

        tab.session.requestRerun();
        gate.awaitEntered();
        tab.session.requestRerun();
        tab.awaitIdle();

        assertThat(gate.wokenByInterrupt()).isTrue();
        assertThat(tab.session.runCount()).isEqualTo(3);
        assertThat(tab.state()).as("run 2 was interrupted, so only runs 1 and 3 count")
                .containsEntry("completedRuns", 2);
        assertThat(tab.connection.runEnds()).extracting(ServerMessage.Delta::run).containsExactly(1, 3);
        assertThat(tab.elements()).containsExactly(new Text("runs=2"));
    }

    @Test
    void S2_4_aRunStuckInThreadSleepIsWokenByANewEvent() {
        AtomicReference<Gate> gateForNextRun = new AtomicReference<>(new Gate());
        Gate gate = gateForNextRun.get();
        AtomicInteger renders = new AtomicInteger();
        harness = RuntimeHarness.start(st -> {
            renders.incrementAndGet();
            st.text("before");
            Gate g = gateForNextRun.getAndSet(null);
            if (g != null) {
                g.sleep();
            }
            st.text("after");
        });
        Tab tab = harness.create();
        tab.attach(true);
        gate.awaitEntered();
        long start = System.nanoTime();

        tab.session.requestRerun();
        tab.awaitIdle();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(RuntimeHarness.TIMEOUT);
        assertThat(gate.wokenByInterrupt()).isTrue();
        assertThat(renders).hasValue(2);
        assertThat(tab.connection.runEnds()).singleElement().satisfies(d -> {
            assertThat(d.run()).isEqualTo(2);
            assertThat(d.status()).isEqualTo(RunStatus.OK);
        });
        assertThat(tab.elements()).containsExactly(new Text("before"), new Text("after"));
    }

    @Test
    void S2_4_aClickOnAButtonDrawnByARunStillInProgressCounts() {
        AtomicReference<Gate> gateForNextRun = new AtomicReference<>(new Gate());
        Gate gate = gateForNextRun.get();
        AtomicInteger callbacks = new AtomicInteger();
        harness = RuntimeHarness.start(st -> {
            state.setDefault("count", 0);
            if (st.button("Go", b -> b.onClick(callbacks::incrementAndGet))) {
                state.put("count", state.getInt("count") + 1);
            }
            Gate g = gateForNextRun.getAndSet(null);
            if (g != null) {
                g.sleep(); // a slow first run: the button is already on screen
            }
            st.text("count=" + state.get("count"));
        });
        Tab tab = harness.create();
        tab.attach(true);
        gate.awaitEntered();
        RuntimeHarness.await("the button to be streamed", () -> !tab.elements(Button.class).isEmpty());

        tab.clickAsync("Go");
        tab.awaitIdle();

        assertThat(tab.connection.errors()).as("the click is not refused").isEmpty();
        assertThat(callbacks).hasValue(1);
        assertThat(tab.state()).containsEntry("count", 1);
        assertThat(tab.elements()).contains(new Text("count=1"));
    }

    @Test
    void S2_4_everyClickCountsWhenManyClicksAndRerunsArriveAtOnce() {
        int clicks = 40;
        harness = RuntimeHarness.start(st -> {
            state.setDefault("count", 0);
            boolean clicked = st.button("Inc", b -> b.onClick(() -> state.put("cb", state.getOrDefault("cb", 0) + 1)));
            if (clicked) {
                state.put("count", state.getInt("count") + 1);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                // a newer request woke us; the next call below ends the run
            }
            st.text("count=" + state.get("count"));
        });
        Tab tab = harness.open();
        String inc = tab.buttonId("Inc");

        for (int i = 0; i < clicks; i++) {
            tab.session.interact(Map.of(), inc);
            if (i % 3 == 0) {
                tab.session.requestRerun();
            }
        }
        tab.awaitIdle();

        assertThat(tab.state()).containsEntry("count", clicks).containsEntry("cb", clicks);
        assertThat(tab.elements()).contains(new Text("count=" + clicks));
        assertThat(tab.connection.errors()).isEmpty();
    }

    @Test
    void S2_4_everyClickCountsWhenRerunsInterruptSleepingClickRuns() {
        int rounds = 10;
        AtomicInteger blockNextClickRun = new AtomicInteger();
        AtomicInteger blocked = new AtomicInteger();
        AtomicInteger woken = new AtomicInteger();
        harness = RuntimeHarness.start(st -> {
            state.setDefault("count", 0);
            boolean clicked = st.button("Inc", b -> b.onClick(() -> state.put("cb", state.getOrDefault("cb", 0) + 1)));
            if (clicked) {
                state.put("count", state.getInt("count") + 1);
                if (blockNextClickRun.getAndSet(0) == 1) {
                    blocked.incrementAndGet();
                    try {
                        Thread.sleep(RuntimeHarness.TIMEOUT.toMillis() * 3);
                    } catch (InterruptedException e) {
                        woken.incrementAndGet();
                    }
                }
            }
            st.text("count=" + state.get("count"));
        });
        Tab tab = harness.open();
        String inc = tab.buttonId("Inc");

        for (int i = 0; i < rounds; i++) {
            int round = i + 1;
            blockNextClickRun.set(1);
            tab.session.interact(Map.of(), inc);
            tab.session.interact(Map.of(), inc); // queued behind the first: clicks are never merged
            RuntimeHarness.await("a click run of round " + round + " to block", () -> blocked.get() == round);
            tab.session.requestRerun(); // interrupts the blocked click run, whose click is replayed
        }
        tab.awaitIdle();

        assertThat(woken).as("every blocked run was woken by the rerun request").hasValue(rounds);
        assertThat(tab.state()).containsEntry("count", 2 * rounds).containsEntry("cb", 2 * rounds);
        assertThat(tab.elements()).contains(new Text("count=" + 2 * rounds));
        assertThat(tab.connection.errors()).isEmpty();
        assertThat(tab.session.runCount() - tab.connection.runEnds().size())
                .as("interrupted runs never report an end").isEqualTo(rounds);
    }

    // ---- S2.5 ---------------------------------------------------------------------------------------------

    @Test
    void S2_5_rerunEndsTheRunAtOnceAndStartsOneWithNoCallbacksAndAllTriggersFalse() {
        AtomicInteger callbacks = new AtomicInteger();
        AtomicInteger afterRerun = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        harness = RuntimeHarness.start(st -> {
            boolean keyed = st.button("Keyed", b -> b.key("go").onClick(callbacks::incrementAndGet));
            boolean plain = st.button("Plain", b -> b.onClick(callbacks::incrementAndGet));
            seen.add(keyed + "/" + plain + "/" + state.get("go"));
            if (keyed || plain) {
                state.put("writtenBeforeRerun", true);
                st.rerun();
                afterRerun.incrementAndGet();
                st.text("never drawn");
            }
            st.text("end");
        });
        Tab tab = harness.open();

        tab.click("Keyed");
        tab.click("Plain");

        assertThat(seen).containsExactly("false/false/false", "true/false/true", "false/false/false",
                "false/true/false", "false/false/false");
        assertThat(callbacks).as("one callback per click, none in the rerun").hasValue(2);
        assertThat(afterRerun).hasValue(0);
        assertThat(tab.statuses()).containsExactly(RunStatus.OK, RunStatus.RERUN, RunStatus.OK, RunStatus.RERUN,
                RunStatus.OK);
        assertThat(tab.state()).containsEntry("writtenBeforeRerun", true).containsEntry("go", false);
        assertThat(tab.elements()).doesNotContain(new Text("never drawn")).last().isEqualTo(new Text("end"));
    }

    @Test
    void S2_5_rerunInACallbackIsANoOpThatShowsAWarning() {
        AtomicInteger callbackFinished = new AtomicInteger();
        AtomicInteger renders = new AtomicInteger();
        harness = RuntimeHarness.start(st -> {
            renders.incrementAndGet();
            st.button("Go", b -> b.onClick(() -> {
                st.rerun();
                callbackFinished.incrementAndGet();
            }));
            st.text("body");
        });
        Tab tab = harness.open();

        tab.click("Go");

        assertThat(callbackFinished).hasValue(1);
        assertThat(renders).hasValue(2);
        assertThat(tab.session.runCount()).isEqualTo(2);
        assertThat(tab.statuses()).containsExactly(RunStatus.OK, RunStatus.OK);
        assertThat(tab.elements()).first()
                .isEqualTo(new Alert(Alert.Level.WARNING, "Calling st.rerun() within a callback is a no-op."));
        assertThat(tab.elements()).last().isEqualTo(new Text("body"));
    }

    // ---- S2.6 ---------------------------------------------------------------------------------------------

    @Test
    void S2_6_stopEndsTheRunAtOnceWithoutAnExceptionElement() {
        AtomicInteger afterStop = new AtomicInteger();
        harness = RuntimeHarness.start(st -> {
            st.text("A");
            if (st.button("Stop")) {
                state.put("beforeStop", true);
                st.stop();
                afterStop.incrementAndGet();
            }
            st.text("C");
        });
        Tab tab = harness.open();
        String stop = tab.buttonId("Stop");

        tab.click("Stop");

        assertThat(afterStop).hasValue(0);
        assertThat(tab.elements()).hasSize(2);
        assertThat(tab.elements().get(0)).isEqualTo(new Text("A"));
        assertThat(tab.elements().get(1)).isInstanceOf(Button.class);
        assertThat(tab.elements(ExceptionElement.class)).isEmpty();
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.STOPPED);
        assertThat(tab.state()).containsEntry("beforeStop", true);

        tab.rerun();
        assertThat(tab.elements()).last().isEqualTo(new Text("C"));
        assertThat(tab.buttonId("Stop")).isEqualTo(stop);
    }

    @Test
    void S2_6_stopInACallbackSkipsThePageBody() {
        AtomicInteger renders = new AtomicInteger();
        harness = RuntimeHarness.start(st -> {
            renders.incrementAndGet();
            st.button("Go", b -> b.onClick(() -> {
                st.text("from callback");
                st.stop();
            }));
            st.text("body");
        });
        Tab tab = harness.open();

        tab.click("Go");

        assertThat(renders).hasValue(1);
        assertThat(tab.elements()).containsExactly(new Text("from callback"));
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.STOPPED);

        tab.rerun();
        assertThat(renders).hasValue(2);
        assertThat(tab.elements()).hasSize(2).last().isEqualTo(new Text("body"));
    }

    // ---- S2.7 ---------------------------------------------------------------------------------------------

    @Test
    void S2_7_anExceptionKeepsEarlierElementsAndShowsTheExceptionWhereItHappened() {
        harness = RuntimeHarness.start(st -> {
            state.setDefault("count", 0);
            st.text("before");
            if (st.button("Inc")) {
                state.put("count", state.getInt("count") + 1);
            }
            if (st.button("Boom")) {
                try {
                    Integer.parseInt("not a number"); // library code the user calls
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("bad input", e);
                }
            }
            st.text("after");
        });
        Tab tab = harness.open();

        tab.click("Boom");

        List<Element> elements = tab.elements();
        assertThat(elements).hasSize(4);
        assertThat(elements.get(0)).isEqualTo(new Text("before"));
        assertThat(elements.get(1)).isInstanceOf(Button.class);
        assertThat(elements.get(2)).isInstanceOf(Button.class);
        ExceptionElement shown = (ExceptionElement) elements.get(3);
        assertThat(shown.type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(shown.message()).isEqualTo("bad input");
        assertThat(shown.stack()).isNotEmpty()
                .anySatisfy(line -> assertThat(line).startsWith("Caused by: java.lang.NumberFormatException")
                        .contains("not a number"))
                .anySatisfy(line -> assertThat(line).contains("java.lang.Integer.parseInt"))
                .noneSatisfy(line -> assertThat(line).contains("dev.springlit.runtime."))
                .noneSatisfy(line -> assertThat(line).contains("java.util.concurrent."))
                .noneSatisfy(line -> assertThat(line).contains("java.lang.Thread.run"));
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.ERROR);

        tab.click("Inc");
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
        assertThat(tab.state()).containsEntry("count", 1);
        assertThat(tab.elements(ExceptionElement.class)).isEmpty();
        assertThat(tab.elements()).last().isEqualTo(new Text("after"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void S2_7_withShowErrorDetailsOffTheMessageIsReplacedByAGenericTextAndAReferenceThatTheLogCarries(
            CapturedOutput log) {
        harness = RuntimeHarness.start(RuntimeHarness.settings(false, false, Duration.ofSeconds(120)), st -> {
            st.text("before");
            if (st.button("Boom")) {
                throw new IllegalStateException("secret detail jdbc:postgresql://db?password=hunter2");
            }
        });
        Tab tab = harness.open();

        tab.click("Boom");

        ExceptionElement shown = tab.elements(ExceptionElement.class).get(0);
        assertThat(shown.type()).isNull();
        assertThat(shown.stack()).isEmpty();
        assertThat(shown.message()).isEqualTo(Tracebacks.REDACTED).doesNotContain("secret");
        assertThat(shown.reference()).matches("[0-9a-f]{8}");
        assertThat(shown.toString()).doesNotContain("secret", "hunter2", "IllegalStateException", "RunsTest");
        assertThat(tab.elements().get(0)).isEqualTo(new Text("before"));
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.ERROR);
        // The operator finds the full error under the reference the visitor saw.
        String line = log.getOut().lines().filter(l -> l.contains("reference " + shown.reference())).findFirst()
                .orElseThrow(() -> new AssertionError("no log line with reference " + shown.reference()));
        assertThat(line).contains("page / threw");
        assertThat(log.getOut()).contains("java.lang.IllegalStateException: secret detail")
                .contains("at dev.springlit.runtime.RunsTest");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void S2_7_anExceptionThePageShowsItselfIsAlsoHiddenAndLoggedWithItsReference(CapturedOutput log) {
        harness = RuntimeHarness.start(RuntimeHarness.settings(false, false, Duration.ofSeconds(120)),
                st -> st.exception(new IllegalArgumentException("secret shown on purpose")));
        Tab tab = harness.open();

        ExceptionElement shown = tab.elements(ExceptionElement.class).get(0);
        assertThat(shown.message()).isEqualTo(Tracebacks.REDACTED);
        assertThat(shown.reference()).matches("[0-9a-f]{8}");
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
        assertThat(log.getOut()).contains("reference " + shown.reference())
                .contains("java.lang.IllegalArgumentException: secret shown on purpose");
    }

    @Test
    void S2_7_withDetailsShownThereIsNoReference() {
        harness = RuntimeHarness.start(st -> st.exception(new IllegalArgumentException("shown")));
        Tab tab = harness.open();

        ExceptionElement shown = tab.elements(ExceptionElement.class).get(0);
        assertThat(shown.message()).isEqualTo("shown");
        assertThat(shown.reference()).isNull();
    }

    // ---- S2.8 ---------------------------------------------------------------------------------------------

    @Test
    void S2_8_anExceptionInACallbackAbortsThePageBodyAndShowsWhatTheCallbackDrew() {
        AtomicInteger renders = new AtomicInteger();
        harness = RuntimeHarness.start(st -> {
            renders.incrementAndGet();
            st.button("Go", b -> b.onClick(() -> {
                st.text("drawn by the callback");
                throw new IllegalArgumentException("callback failed");
            }));
            st.text("body");
        });
        Tab tab = harness.open();

        tab.click("Go");

        assertThat(renders).as("the body did not run").hasValue(1);
        List<Element> elements = tab.elements();
        assertThat(elements).hasSize(2);
        assertThat(elements.get(0)).isEqualTo(new Text("drawn by the callback"));
        assertThat(elements.get(1)).isInstanceOfSatisfying(ExceptionElement.class, e -> {
            assertThat(e.type()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(e.message()).isEqualTo("callback failed");
        });
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.ERROR);

        tab.rerun();
        assertThat(tab.elements()).hasSize(2).last().isEqualTo(new Text("body"));
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.OK);
    }

    @Test
    void S2_8_anExceptionInACallbackAbortsTheRemainingCallbacks() {
        List<String> ran = new CopyOnWriteArrayList<>();
        harness = RuntimeHarness.start(st -> {
            ran.add("body");
            st.checkbox("A", o -> o.onChange(() -> ran.add("A")));
            st.checkbox("B", o -> o.onChange(() -> {
                ran.add("B");
                throw new IllegalStateException("B failed");
            }));
            st.checkbox("C", o -> o.onChange(() -> ran.add("C")));
        });
        Tab tab = harness.open();
        ran.clear();

        tab.session.interact(Map.of(tab.widgetId("A"), true, tab.widgetId("B"), true, tab.widgetId("C"), true), null);
        tab.awaitIdle();

        assertThat(ran).containsExactly("A", "B");
        assertThat(tab.elements()).singleElement().isInstanceOfSatisfying(ExceptionElement.class,
                e -> assertThat(e.message()).isEqualTo("B failed"));
        assertThat(tab.lastStatus()).isEqualTo(RunStatus.ERROR);
    }

    // ---- S2.9 ---------------------------------------------------------------------------------------------

    @Test
    void S2_9_elementsDrawnByCallbacksAppearAboveTheBodyForThatRunOnly() {
        harness = RuntimeHarness.start(st -> {
            st.text("body 1");
            st.button("Go", b -> b.onClick(() -> st.info("from callback")));
            st.text("body 2");
        });
        Tab tab = harness.open();

        tab.click("Go");
        List<Element> clickRun = tab.elements();
        assertThat(clickRun).hasSize(4);
        assertThat(clickRun.get(0)).isEqualTo(new Alert(Alert.Level.INFO, "from callback"));
        assertThat(clickRun.get(1)).isEqualTo(new Text("body 1"));
        assertThat(clickRun.get(3)).isEqualTo(new Text("body 2"));

        tab.rerun();
        assertThat(tab.elements()).hasSize(3).first().isEqualTo(new Text("body 1"));
        assertThat(tab.elements(Alert.class)).isEmpty();
    }

    // ---- S2.10 --------------------------------------------------------------------------------------------

    @Test
    void S2_10_buttonIsTrueOnlyInTheClickRun() {
        List<String> seen = new CopyOnWriteArrayList<>();
        harness = RuntimeHarness.start(st -> {
            boolean plain = st.button("Plain");
            boolean keyed = st.button("Keyed", b -> b.key("k"));
            seen.add(plain + "/" + keyed + "/" + state.get("k"));
            st.text("keys=" + new java.util.TreeSet<>(state.keys()));
        });
        Tab tab = harness.open();

        tab.click("Plain");
        tab.rerun();
        tab.click("Keyed");
        tab.rerun();

        assertThat(seen).containsExactly("false/false/false", "true/false/false", "false/false/false",
                "false/true/true", "false/false/false");
        assertThat(tab.state()).as("a keyed button's entry is false after its run; unkeyed ones are not in state")
                .containsExactly(Map.entry("k", false));
    }

    @Test
    void S2_10_aButtonValueWrittenByCodeBeforeTheButtonIsDrawnIsNotAClick() {
        List<Boolean> values = new CopyOnWriteArrayList<>();
        AtomicInteger callbacks = new AtomicInteger();
        harness = RuntimeHarness.start(st -> {
            if (!state.contains("init")) {
                state.put("init", true);
                state.put("go", true); // the button is not on the page yet
                return;
            }
            values.add(st.button("Go", b -> b.key("go").onClick(callbacks::incrementAndGet)));
        });
        Tab tab = harness.open();

        tab.rerun();
        tab.session.update(s -> s.put("go", true), true); // a background task, between runs
        tab.awaitIdle();
        tab.click("Go");

        assertThat(values).containsExactly(false, false, true);
        assertThat(callbacks).hasValue(1);
        assertThat(tab.state()).containsEntry("go", false);
    }

    // ---- S2.11 --------------------------------------------------------------------------------------------

    @Test
    void S2_11_onlySessionStateSurvivesBetweenRuns() {
        harness = RuntimeHarness.start(st -> {
            List<String> local = new ArrayList<>();
            local.add("x");
            state.setDefault("runs", new ArrayList<String>());
            @SuppressWarnings("unchecked")
            List<String> kept = (List<String>) state.get("runs");
            kept.add("x");
            st.text("local=" + local.size() + " kept=" + kept.size());
        });
        Tab tab = harness.open();
        tab.rerun();
        tab.rerun();

        assertThat(tab.elements()).containsExactly(new Text("local=1 kept=3"));
    }
}
