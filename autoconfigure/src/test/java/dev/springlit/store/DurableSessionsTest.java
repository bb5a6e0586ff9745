package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.runtime.scope.CurrentSessionState;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.run.RuntimeSettings;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.scope.SessionBeanScope;
import dev.springlit.runtime.session.SessionOpening;
import dev.springlit.runtime.session.SessionPersistence;
import dev.springlit.runtime.SpringlitEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions across nodes (S9): two engines, each with its own Redis connection, share a real redis-server, as two
 * instances behind a load balancer do. A tab is moved between them by saying hello to the other one.
 */
@Timeout(120)
class DurableSessionsTest {

    private static final Duration TTL = Duration.ofMinutes(2);

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension().emptiedBeforeEachTest();

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final AtomicInteger callbacks = new AtomicInteger();
    /** Page runs on node B, and the changes of the "Name" field its callback saw (see countedCounter). */
    private final AtomicInteger runsOnB = new AtomicInteger();
    private final List<String> nameChanges = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopNodes() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    /** The counter: "Inc" adds one in the page, "Callback" adds one in its callback (which counts its calls). */
    private Page counter() {
        SessionState state = new CurrentSessionState();
        return st -> {
            state.setDefault("count", 0);
            if (st.button("Inc")) {
                state.put("count", state.getInt("count") + 1);
            }
            st.button("Callback", b -> b.onClick(() -> {
                callbacks.incrementAndGet();
                state.put("count", state.getInt("count") + 1);
            }));
            st.text("count=" + state.get("count"));
            dev.springlit.UploadedFile file = st.fileUploader("Doc");
            if (file != null) {
                st.text("file=" + file.name());
            }
        };
    }

    private SpringlitEngine node(String name) {
        return node(name, TTL);
    }

    /** A name field and a chat: what was said is kept in state, one line per message. */
    private static Page talk(java.util.concurrent.atomic.AtomicBoolean hold) {
        SessionState state = new CurrentSessionState();
        return st -> {
            while (hold.get()) {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // its next St call sees an interrupt
            }
            String name = st.textInput("Name", o -> o.key("name"));
            String said = st.chatInput("Say");
            if (said != null) {
                state.put("said", state.getOrDefault("said", "") + said + ";");
            }
            st.text("name=" + name);
            st.text("said=" + state.getOrDefault("said", ""));
        };
    }

    private SpringlitEngine node(String name, Duration ttl) {
        return node(name, ttl, counter());
    }

    private SpringlitEngine node(String name, Duration ttl, Page body) {
        LettuceConnectionFactory connections = RedisServerExtension.connect(redis.port());
        PageDescriptor page = new PageDescriptor("/", "Counter", "", 0, "counter", body);
        PageDescriptor other = new PageDescriptor("/other", "Other", "", 1, "other", body);
        SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(page, other)),
                RuntimeSettings.builder().enforceSerializableSessionState(true).disconnectedSessionTtl(ttl).build(),
                JsonMapper.builder().build());
        engine.setPersistence(SessionPersistence.shared(new RedisSessionStore(connections), codec(), name, ttl));
        closing.add(0, connections::destroy);
        closing.add(0, engine);
        return engine;
    }

    private static SnapshotCodec codec() {
        return new SnapshotCodec(DurableSessionsTest.class.getClassLoader(), List.of());
    }

    private StoredSession stored(String id) {
        return new RedisSessionStore(redis.connections()).load(id).orElseThrow();
    }

    private int storedCount(String id) {
        return (Integer) codec().decode(stored(id).snapshot()).values().get("count");
    }

    @Test
    void S9_1_eachCompletedRunIsInTheStoreBeforeItsTabHearsItEnded() {
        SpringlitEngine a = node("node-a");
        List<String> seenAtRunEnd = new CopyOnWriteArrayList<>();
        ClusterTab[] tab = new ClusterTab[1];
        tab[0] = ClusterTab.open(a, null, delta -> {
            if (tab[0] != null && tab[0].session != null) {
                StoredSession atEnd = stored(tab[0].session.id());
                seenAtRunEnd.add(atEnd.lastSeq() + ":" + codec().decode(atEnd.snapshot()).values().get("count"));
            }
        });
        for (int seq = 1; seq <= 3; seq++) {
            tab[0].click("Inc", seq);
        }
        assertThat(seenAtRunEnd).as("what the store held when each click's run end was sent")
                .containsExactly("1:1", "2:2", "3:3");
        assertThat(tab[0].runEnds()).extracting(ServerMessage.Delta::seq).containsExactly(0L, 1L, 2L, 3L);
        assertThat(stored(tab[0].session.id()).owner()).isEqualTo("node-a");
    }

    @Test
    void S9_2_aTabReloadedOnAnotherNodeFindsItsStateThereWithoutCallbacks() {
        SpringlitEngine a = node("node-a");
        SpringlitEngine b = node("node-b");
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        onA.click("Callback", 2);
        onA.click("Inc", 3);
        assertThat(callbacks).hasValue(1);
        String id = onA.session.id();

        ClusterTab onB = ClusterTab.open(b, id);

        assertThat(onB.session.id()).isEqualTo(id);
        assertThat(onB.texts()).containsExactly("count=3");
        assertThat(callbacks).as("no callback fires when a node takes a session over").hasValue(1);
        assertThat(onB.session.runCount()).as("a reloaded tab shows nothing: one run draws it").isEqualTo(1);
        ServerMessage.SessionAttached attached = (ServerMessage.SessionAttached) onB.messages().get(0);
        assertThat(attached.seq()).as("what the tab may forget").isEqualTo(3);
        onB.click("Inc", 4);
        assertThat(onB.texts()).containsExactly("count=4");
        assertThat(stored(id).owner()).isEqualTo("node-b");
    }

    /**
     * The counter, counting its runs on one node in {@code runs}; "Note" is an unkeyed text field without a callback,
     * "Name" a keyed one whose callback records "old->new" (the old value kept in state by the page).
     */
    private Page countedCounter(AtomicInteger runs, List<String> nameChanges) {
        SessionState state = new CurrentSessionState();
        Page counter = counter();
        return st -> {
            runs.incrementAndGet();
            counter.render(st);
            String note = st.textInput("Note");
            String name = st.textInput("Name", o -> o.key("name").onChange(() -> nameChanges.add(
                    state.getOrDefault("shownName", "") + "->" + state.get("name"))));
            state.put("shownName", name);
            st.text("note=" + note + " name=" + name);
        };
    }

    private static String widgetIdOf(ClusterTab tab, String label) {
        return tab.elements().stream().filter(dev.springlit.element.Widget.class::isInstance)
                .map(dev.springlit.element.Widget.class::cast).filter(w -> label.equals(w.label())).findFirst()
                .orElseThrow(() -> new AssertionError("no widget " + label)).id();
    }

    private static ServerMessage.SessionAttached lastAttached(ClusterTab tab) {
        List<ServerMessage> messages = tab.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ServerMessage.SessionAttached attached) {
                return attached;
            }
        }
        throw new AssertionError("no session message");
    }

    @Test
    void S9_2_aTabThatMovesAfterItsLastRunCompletedIsNotRunAgainAndKeepsShowingItsState() {
        SpringlitEngine a = node("node-a", TTL, countedCounter(new AtomicInteger(), nameChanges));
        SpringlitEngine b = node("node-b", TTL, countedCounter(runsOnB, nameChanges));
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        onA.click("Callback", 2);
        List<dev.springlit.element.Element> shownOnA = onA.elements();

        ClusterTab onB = onA.movedTo(b);

        assertThat(runsOnB).as("the page never ran on B").hasValue(0);
        assertThat(onB.session.runCount()).isZero();
        assertThat(onB.runEnds()).as("no run ended on B").hasSameSizeAs(onA.runEnds());
        ServerMessage.SessionAttached attached = lastAttached(onB);
        assertThat(attached.reset()).as("the tab keeps what it shows").isFalse();
        assertThat(attached.seq()).isEqualTo(2);
        assertThat(onB.elements()).isEqualTo(shownOnA);
        assertThat(onB.texts()).containsExactly("count=2", "note= name=");
        assertThat(stored(onA.session.id()).owner()).as("B owns the session now").isEqualTo("node-b");
        assertThat(callbacks).hasValue(1);

        // a click on a plain button and a value for an unkeyed field without callback: one run, no drawing first
        onB.session.interact(java.util.Map.of(widgetIdOf(onB, "Note"), "hi"), onB.buttonId("Inc"), 3);
        onB.awaitIdle();
        assertThat(runsOnB).as("one run: the note is decoded when the run draws its field").hasValue(1);
        assertThat(onB.errors()).isEmpty();
        assertThat(onB.texts()).containsExactly("count=3", "note=hi name=");
        assertThat(onB.elements()).as("the tab shows what a run on B drew, whole")
                .hasSameSizeAs(shownOnA).isNotEqualTo(shownOnA);
        assertThat(storedCount(onA.session.id())).isEqualTo(3);
    }

    @Test
    void S9_2_theFirstInteractionAfterAMoveFiresItsCallbacksOnceWithTheOldAndNewValues() {
        SpringlitEngine a = node("node-a", TTL, countedCounter(new AtomicInteger(), nameChanges));
        SpringlitEngine b = node("node-b", TTL, countedCounter(runsOnB, nameChanges));
        ClusterTab onA = ClusterTab.open(a, null);
        String name = widgetIdOf(onA, "Name");
        onA.session.interact(java.util.Map.of(name, "Ada"), null, 1);
        onA.awaitIdle();
        onA.click("Callback", 2);
        assertThat(nameChanges).containsExactly("->Ada");
        assertThat(callbacks).hasValue(1);

        ClusterTab onB = onA.movedTo(b);
        assertThat(runsOnB).hasValue(0);
        // one interaction changes the keyed field (callback) and clicks the button with a callback
        onB.session.interact(java.util.Map.of(name, "Grace"), onB.buttonId("Callback"), 3);
        onB.awaitIdle();

        assertThat(nameChanges).as("the field's callback, once, with the old and the new value")
                .containsExactly("->Ada", "Ada->Grace");
        assertThat(callbacks).as("the button's callback, once").hasValue(2);
        assertThat(runsOnB).as("the page drawn here first (nothing sent), then the interaction's run").hasValue(2);
        assertThat(onB.errors()).isEmpty();
        assertThat(onB.texts()).containsExactly("count=2", "note= name=Grace");
        assertThat(onB.runEnds()).last().satisfies(d -> assertThat(d.seq()).isEqualTo(3));
        assertThat(onB.runEnds()).as("one run end on B").hasSize(onA.runEnds().size() + 1);
        assertThat(storedCount(onA.session.id())).isEqualTo(2);

        onB.click("Callback", 4);
        assertThat(callbacks).hasValue(3);
        assertThat(runsOnB).as("bound now: no more drawing first").hasValue(3);
        assertThat(onB.texts()).containsExactly("count=3", "note= name=Grace");
    }

    @Test
    void S9_2_aTabThatMovesAskingForAnotherPageOrQueryThanItsStoredStateIsRunOnce() {
        SpringlitEngine a = node("node-a", TTL, countedCounter(new AtomicInteger(), nameChanges));
        SpringlitEngine b = node("node-b", TTL, countedCounter(runsOnB, nameChanges));
        SpringlitEngine c = node("node-c", TTL, countedCounter(new AtomicInteger(), nameChanges));
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);

        // its navigation to /other never completed on A: the tab shows /other's address, not what A stored
        ClusterTab onB = onA.movedTo(b, "/other", "");
        assertThat(runsOnB).as("one run draws the page the tab asks for").hasValue(1);
        assertThat(lastAttached(onB).reset()).isTrue();
        assertThat(onB.texts()).containsExactly("count=1", "note= name=");

        ClusterTab onC = onB.movedTo(c, "/other", "?tab=2"); // query parameters its stored state was not committed with
        assertThat(onC.session.runCount()).as("a different query: one run").isEqualTo(1);
        assertThat(onC.texts()).containsExactly("count=1", "note= name=");
    }

    @Test
    void S9_2_aMovedTabThatReconnectsToItsNewNodeBeforeAnyRunThereKeepsItsPageOrIsDrawnOnReload() {
        SpringlitEngine a = node("node-a", TTL, countedCounter(new AtomicInteger(), nameChanges));
        SpringlitEngine b = node("node-b", TTL, countedCounter(runsOnB, nameChanges));
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        ClusterTab onB = onA.movedTo(b);
        onB.session.detach(onB);

        ClusterTab again = onB.movedTo(b); // the connection dropped and came back to B: B still drew nothing
        assertThat(runsOnB).as("still no run").hasValue(0);
        assertThat(lastAttached(again).reset()).isFalse();
        assertThat(again.texts()).containsExactly("count=1", "note= name=");

        again.session.detach(again);
        ClusterTab reloaded = ClusterTab.open(b, onA.session.id()); // a reload shows nothing: B draws it
        assertThat(runsOnB).as("one run for the reload").hasValue(1);
        assertThat(reloaded.texts()).containsExactly("count=1", "note= name=");
        reloaded.click("Inc", 2);
        assertThat(reloaded.texts()).containsExactly("count=2", "note= name=");
    }

    @Test
    void S9_2_aTabThatMovesWhileItsLastRunNeverCompletedIsRunExactlyOnce() {
        java.util.concurrent.atomic.AtomicBoolean holdOnA = new java.util.concurrent.atomic.AtomicBoolean();
        Page onNodeA = countedCounter(new AtomicInteger(), new CopyOnWriteArrayList<>());
        SpringlitEngine a = node("node-a", TTL, st -> {
            while (holdOnA.get()) {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
            onNodeA.render(st);
        });
        SpringlitEngine b = node("node-b", TTL, countedCounter(runsOnB, new CopyOnWriteArrayList<>()));
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        String inc = onA.buttonId("Inc");
        holdOnA.set(true);
        onA.session.interact(java.util.Map.of(), inc, 2); // A never completes this run (as if it died in it)
        try {
            ClusterTab onB = onA.movedTo(b);
            assertThat(lastAttached(onB).seq()).as("the tab keeps click 2 to re-send").isEqualTo(1);
            onB.session.interact(java.util.Map.of(), inc, 2); // the re-send (S9.3)
            onB.awaitIdle();

            assertThat(runsOnB).as("exactly one run: the click's").hasValue(1);
            assertThat(onB.texts()).containsExactly("count=2", "note= name=");
            assertThat(storedCount(onB.session.id())).isEqualTo(2);
            assertThat(stored(onB.session.id()).lastSeq()).isEqualTo(2);
        } finally {
            holdOnA.set(false);
        }
    }

    @Test
    void S9_3_interactionsResentAfterAFailoverAreAppliedOnce() {
        SpringlitEngine a = node("node-a");
        SpringlitEngine b = node("node-b");
        ClusterTab onA = ClusterTab.open(a, null);
        for (int seq = 1; seq <= 3; seq++) {
            onA.click("Inc", seq);
        }
        String id = onA.session.id();
        onA.click("Inc", 2); // the same node: a duplicate after a reconnect is dropped
        assertThat(onA.texts()).containsExactly("count=3");

        ClusterTab onB = ClusterTab.open(b, id);
        // the tab did not hear about 2 and 3 (say) and re-sends them, then clicks on
        onB.click("Inc", 2);
        onB.click("Inc", 3);
        onB.click("Inc", 4);

        assertThat(onB.texts()).containsExactly("count=4");
        assertThat(storedCount(id)).isEqualTo(4);
        assertThat(stored(id).lastSeq()).isEqualTo(4);
    }

    @Test
    void S9_3_valuesAndChatMessagesResentRightAfterATakeOverAreAppliedOnceThePageIsDrawn() {
        resendRightAfterATakeOver(false);
    }

    @Test
    void S9_3_valuesAndChatMessagesResentWhileTheTakeOversFirstRunDrawsAreAppliedAfterIt() {
        resendRightAfterATakeOver(true);
    }

    /**
     * A dies before its tab heard of its last two interactions; the tab re-sends them to B at once, before B's first
     * run has drawn the page (held there when {@code holdFirstRun}: they arrive while it runs and interrupt it).
     */
    private void resendRightAfterATakeOver(boolean holdFirstRun) {
        java.util.concurrent.atomic.AtomicBoolean hold = new java.util.concurrent.atomic.AtomicBoolean();
        SpringlitEngine a = node("node-a", TTL, talk(new java.util.concurrent.atomic.AtomicBoolean()));
        SpringlitEngine b = node("node-b", TTL, talk(hold));
        ClusterTab onA = ClusterTab.open(a, null);
        String name = onA.widgetId("text_input");
        String chat = onA.widgetId("chat_input");
        onA.session.interact(java.util.Map.of(name, "Ada"), null, 1);
        onA.awaitIdle();
        onA.session.interact(java.util.Map.of(chat, "hello"), chat, 2);
        onA.awaitIdle();
        assertThat(onA.texts()).containsExactly("name=Ada", "said=hello;");
        String id = onA.session.id();

        hold.set(holdFirstRun);
        ClusterTab onB = ClusterTab.connect(b, id, d -> { });
        onB.session.interact(java.util.Map.of(name, "Grace"), null, 3);
        onB.session.interact(java.util.Map.of(chat, "hi"), chat, 4);
        hold.set(false);
        onB.awaitIdle();

        assertThat(onB.errors()).as("nothing refused").isEmpty();
        assertThat(onB.texts()).containsExactly("name=Grace", "said=hello;hi;");
        assertThat(stored(id).lastSeq()).isEqualTo(4);
        assertThat(onB.runEnds()).last().satisfies(d -> assertThat(d.seq()).isEqualTo(4));
        onB.session.interact(java.util.Map.of(chat, "again"), chat, 5);
        onB.awaitIdle();
        assertThat(onB.texts()).containsExactly("name=Grace", "said=hello;hi;again;");
    }

    /**
     * "Go" asks for a rerun (st.rerun) that finishes the step: the rerun's result is "step=done". While
     * {@code holdRerun} is set the rerun never gets past its start, as on a node that dies in it.
     */
    private static Page rerunStep(java.util.concurrent.atomic.AtomicBoolean holdRerun, AtomicInteger runs) {
        SessionState state = new CurrentSessionState();
        return st -> {
            runs.incrementAndGet();
            state.setDefault("step", "start");
            if ("requested".equals(state.get("step"))) {
                while (holdRerun.get()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                }
                state.put("step", "done");
            }
            st.text("step=" + state.get("step"));
            if (st.button("Go")) {
                state.put("step", "requested");
                st.rerun();
            }
        };
    }

    @Test
    void S9_2_aRerunTheServerRequestedThatTheDeadNodeNeverRanRunsOnceOnTheNodeThatTakesTheTabOver() {
        java.util.concurrent.atomic.AtomicBoolean holdOnA = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicInteger runsOnC = new AtomicInteger();
        SpringlitEngine a = node("node-a", TTL, rerunStep(holdOnA, new AtomicInteger()));
        SpringlitEngine b = node("node-b", TTL, rerunStep(new java.util.concurrent.atomic.AtomicBoolean(), runsOnB));
        SpringlitEngine c = node("node-c", TTL, rerunStep(new java.util.concurrent.atomic.AtomicBoolean(), runsOnC));
        ClusterTab onA = ClusterTab.open(a, null);
        String id = onA.session.id();
        try {
            onA.session.interact(java.util.Map.of(), onA.buttonId("Go"), 1);
            // the click's run is stored and has ended on the tab; the rerun it asked for never completes on A
            awaitTrue(() -> onA.runEnds().size() == 2);
            assertThat(onA.texts()).containsExactly("step=start");
            assertThat(codec().decode(stored(id).snapshot()).values()).containsEntry("step", "requested");

            ClusterTab onB = onA.movedTo(b);

            assertThat(runsOnB).as("the requested rerun, exactly once").hasValue(1);
            assertThat(onB.texts()).containsExactly("step=done");
            assertThat(onB.runEnds()).as("one run end on B").hasSize(onA.runEnds().size() + 1);
            assertThat(codec().decode(stored(id).snapshot()).values()).containsEntry("step", "done");
            assertThat(onB.errors()).isEmpty();

            ClusterTab onC = onB.movedTo(c);
            assertThat(runsOnC).as("that rerun ran: nothing is left to run").hasValue(0);
            assertThat(onC.texts()).containsExactly("step=done");
        } finally {
            holdOnA.set(false);
        }
    }

    /** A value that counts how often Java serialization writes it. */
    static final class Tracked implements java.io.Serializable {
        static final AtomicInteger WRITES = new AtomicInteger();

        private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
            WRITES.incrementAndGet();
            out.defaultWriteObject();
        }
    }

    @Test
    void S9_1_aValueIsSerializedOnceWhenPutAndNotAgainByRunsThatLeaveItAlone() {
        SessionState state = new CurrentSessionState();
        List<Integer> writesAfterEachRun = new CopyOnWriteArrayList<>();
        Page counter = counter();
        SpringlitEngine a = node("node-a", TTL, st -> {
            if (!state.contains("tracked")) {
                state.put("tracked", new Tracked()); // S8.1 checks it here, at once
            }
            counter.render(st);
        });
        ClusterTab onA = ClusterTab.open(a, null, d -> writesAfterEachRun.add(Tracked.WRITES.get()));
        int afterFirstRun = Tracked.WRITES.get();
        for (int seq = 1; seq <= 5; seq++) {
            onA.click("Inc", seq);
        }

        assertThat(afterFirstRun).as("the put's check, then once at the run's end for the end check, the size "
                + "and the store together").isEqualTo(2);
        assertThat(writesAfterEachRun).as("runs that leave it alone do not serialize it again")
                .containsOnly(afterFirstRun);
        assertThat(stored(onA.session.id()).lastSeq()).isEqualTo(5);
    }

    @Test
    void S9_1_aValueChangedInPlaceWithoutAPutIsStoredToo() {
        SessionState state = new CurrentSessionState();
        SpringlitEngine a = node("node-a", TTL, st -> {
            @SuppressWarnings("unchecked")
            List<String> seen = (List<String>) state.setDefault("seen", new ArrayList<String>());
            if (st.button("Add")) {
                seen.add("x" + seen.size()); // S3.3: values are stored by reference
            }
            st.text("seen=" + seen);
        });
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Add", 1);
        onA.click("Add", 2);

        assertThat(onA.texts()).containsExactly("seen=[x0, x1]");
        assertThat(codec().decode(stored(onA.session.id()).snapshot()).values().get("seen"))
                .isEqualTo(List.of("x0", "x1"));
    }

    @Test
    void S9_4_aNodeThatLostTheSessionCannotCommitItsLateRun() {
        SpringlitEngine a = node("node-a");
        SpringlitEngine b = node("node-b");
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        String id = onA.session.id();
        ClusterTab onB = ClusterTab.open(b, id);
        onB.click("Inc", 2);

        onA.session.interact(java.util.Map.of(), onA.buttonId("Inc"), 3); // a stale tab (or node) goes on at A
        awaitTrue(() -> !onA.session.isAlive());

        assertThat(storedCount(id)).as("A's late run did not land").isEqualTo(2);
        assertThat(stored(id).owner()).isEqualTo("node-b");
        assertThat(onA.toldToReconnect()).as("A's tab is sent to the owner").isTrue();
        assertThat(a.sessions().find(id)).as("A forgot the session").isEmpty();
        onB.click("Inc", 3);
        assertThat(onB.texts()).containsExactly("count=3");
    }

    @Test
    void S9_4_aTabBackOnANodeWhoseCopyIsStaleGetsTheStoredSession() {
        SpringlitEngine a = node("node-a");
        SpringlitEngine b = node("node-b");
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        String id = onA.session.id();
        onA.session.detach(onA);
        ClusterTab onB = ClusterTab.open(b, id);
        onB.click("Inc", 2);
        onB.click("Inc", 3);
        onB.session.detach(onB);

        ClusterTab backOnA = ClusterTab.open(a, id);

        assertThat(backOnA.session.id()).isEqualTo(id);
        assertThat(backOnA.texts()).as("not A's stale copy").containsExactly("count=3");
        assertThat(stored(id).owner()).isEqualTo("node-a");
    }

    @Test
    void S9_1_aRecordGoneFromRedisIsStoredAgainByTheNodeServingTheSession() {
        SpringlitEngine a = node("node-a");
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        String id = onA.session.id();
        redis.flushAll(); // as after a restart of Redis without persistence, unnoticed by the node

        onA.click("Inc", 2);

        assertThat(onA.session.isAlive()).isTrue();
        assertThat(storedCount(id)).isEqualTo(2);
        assertThat(stored(id).lastSeq()).isEqualTo(2);
    }

    @Test
    void S9_2_uploadsStayOnTheirNodeAndATabTakenOverElsewhereIsToldToUploadThemAgain() {
        SpringlitEngine a = node("node-a");
        SpringlitEngine b = node("node-b");
        ClusterTab onA = ClusterTab.open(a, null);
        String uploader = onA.elements().stream().filter(dev.springlit.element.Widget.class::isInstance)
                .map(dev.springlit.element.Widget.class::cast).filter(w -> w.kind().equals("file_uploader"))
                .findFirst().orElseThrow().id();
        String fileId = onA.session.files().upload(uploader, "notes.txt", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8)).id();
        onA.session.interact(java.util.Map.of(uploader, List.of(fileId)), null, 1);
        onA.awaitIdle();
        onA.click("Inc", 2);
        assertThat(onA.texts()).containsExactly("count=1", "file=notes.txt");
        String id = onA.session.id();

        ClusterTab onB = ClusterTab.open(b, id);

        assertThat(onB.texts()).as("the state came, the file did not").containsExactly("count=1");
        assertThat(onB.errors()).extracting(ServerMessage.Error::code).containsExactly("files_left_behind");
        assertThat(onB.errors().get(0).message()).contains("Upload them again");
    }

    @Test
    void S9_5_tamperedStoredDataIsRefusedAndTheTabStartsAfresh() {
        SpringlitEngine a = node("node-a");
        SpringlitEngine b = node("node-b");
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        String id = onA.session.id();
        byte[] key = (RedisSessionStore.DEFAULT_KEY_PREFIX + id).getBytes(StandardCharsets.UTF_8);
        try (RedisConnection connection = redis.connections().getConnection()) {
            byte[] field = ("p:" + SnapshotParts.keyed("count")).getBytes(StandardCharsets.UTF_8);
            byte[] bytes = connection.hashCommands().hGet(key, field);
            // cut in half: whatever a byte in the middle was, the stream cannot be read whole any more
            connection.hashCommands().hSet(key, field, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }

        ClusterTab onB = ClusterTab.open(b, id);

        assertThat(onB.session.id()).as("a new session").isNotEqualTo(id);
        assertThat(onB.texts()).containsExactly("count=0");
        onB.click("Inc", 1);
        assertThat(onB.texts()).containsExactly("count=1");
    }

    @Test
    void S9_6_anExpiredSessionLeavesNoKeysInRedis() {
        SpringlitEngine a = node("node-a", Duration.ofMillis(800));
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        assertThat(keyCount()).isEqualTo(1);
        onA.session.detach(onA);

        awaitTrue(() -> keyCount() == 0 && a.sessions().size() == 0);
    }

    /** The counter, with a session-scoped bean whose destruction callback records the node it ran on. */
    private Page counterWithBean(String node, List<String> destroyed) {
        Page counter = counter();
        SessionBeanScope scope = new SessionBeanScope();
        return st -> {
            scope.get("probe", Object::new);
            scope.registerDestructionCallback("probe", () -> destroyed.add(node));
            counter.render(st);
        };
    }

    @Test
    void S9_6_theBeansOfASessionThatMovedAreDestroyedOnceOnTheNodeThatEndsIt() throws Exception {
        Duration ttl = Duration.ofMillis(1500);
        List<String> destroyed = new CopyOnWriteArrayList<>();
        SpringlitEngine a = node("node-a", ttl, counterWithBean("node-a", destroyed));
        SpringlitEngine b = node("node-b", ttl, counterWithBean("node-b", destroyed));
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        String id = onA.session.id();
        onA.session.detach(onA); // A keeps a parked copy
        ClusterTab onB = ClusterTab.open(b, id);
        onB.click("Inc", 2);

        awaitTrue(() -> a.sessions().size() == 0);
        onB.click("Inc", 3);
        assertThat(onB.texts()).as("the session goes on at B").containsExactly("count=3");
        onB.session.detach(onB);
        awaitTrue(() -> b.sessions().size() == 0 && keyCount() == 0 && !destroyed.isEmpty());
        Thread.sleep(300); // A's release (if it were to destroy anything) runs on its store thread

        assertThat(destroyed).as("not when A's stale copy expired, once when the session ended")
                .containsExactly("node-b");
    }

    @Test
    void S9_6_theBeansOfAParkedSessionWhoseRecordRedisLostAreDestroyedWhenItExpires() throws Exception {
        List<String> destroyed = new CopyOnWriteArrayList<>();
        SpringlitEngine a = node("node-a", Duration.ofMillis(800), counterWithBean("node-a", destroyed));
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        onA.session.detach(onA);
        try (RedisConnection connection = redis.connections().getConnection()) {
            connection.serverCommands().flushAll(); // Redis restarted empty, or evicted the record
        }

        awaitTrue(() -> a.sessions().size() == 0 && !destroyed.isEmpty());
        Thread.sleep(300);

        assertThat(destroyed).as("nobody else can end it: the node whose copy expired does, once")
                .containsExactly("node-a");
        assertThat(keyCount()).isZero();
    }

    @Test
    void S9_6_aNodeClosedWithoutLeavingDoesNotDestroyTheBeansOfSessionsThatLiveOnInTheStore() throws Exception {
        List<String> destroyed = new CopyOnWriteArrayList<>();
        SpringlitEngine a = node("node-a", TTL, counterWithBean("node-a", destroyed));
        SpringlitEngine b = node("node-b", Duration.ofMillis(800), counterWithBean("node-b", destroyed));
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        String id = onA.session.id();

        a.close(); // the context closed without the graceful leave (e.g. no server.shutdown=graceful)
        assertThat(destroyed).as("the session did not end: it is in the store for another node").isEmpty();

        ClusterTab onB = ClusterTab.open(b, id);
        onB.click("Inc", 2);
        assertThat(onB.texts()).containsExactly("count=2");
        onB.session.detach(onB);
        awaitTrue(() -> b.sessions().size() == 0 && keyCount() == 0 && !destroyed.isEmpty());
        Thread.sleep(300);
        assertThat(destroyed).as("once, where the session ended").containsExactly("node-b");
    }

    @Test
    void S9_6_aNodeHandingASessionOverDoesNotDestroyItsBeans() {
        List<String> destroyed = new CopyOnWriteArrayList<>();
        SpringlitEngine a = node("node-a", TTL, counterWithBean("node-a", destroyed));
        SpringlitEngine b = node("node-b", TTL, counterWithBean("node-b", destroyed));
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        String id = onA.session.id();

        a.leave();
        ClusterTab onB = ClusterTab.open(b, id);
        onB.click("Inc", 2);

        assertThat(onA.toldToReconnect()).isTrue();
        assertThat(onB.texts()).containsExactly("count=2");
        assertThat(destroyed).as("the session did not end").isEmpty();
    }

    @Test
    void S9_7_aLeavingNodeSendsItsTabsToAnotherWithTheirState() {
        SpringlitEngine a = node("node-a");
        SpringlitEngine b = node("node-b");
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        onA.click("Inc", 2);
        String id = onA.session.id();

        a.leave();

        assertThat(onA.toldToReconnect()).isTrue();
        assertThat(a.isLeaving()).as("new connections are refused").isTrue();
        ClusterTab onB = ClusterTab.open(b, id);
        assertThat(onB.texts()).containsExactly("count=2");
        onB.click("Inc", 3);
        assertThat(onB.texts()).containsExactly("count=3");
    }

    @Test
    void S9_1_whileRedisIsDownTheTabIsToldAndNothingIsLostOnceItIsBack() throws Exception {
        SpringlitEngine a = node("node-a");
        ClusterTab onA = ClusterTab.open(a, null);
        onA.click("Inc", 1);
        String id = onA.session.id();

        redis.stop();
        try {
            onA.click("Inc", 2);
            assertThat(onA.texts()).as("the run's state is kept on the node").containsExactly("count=2");
            assertThat(onA.errors()).extracting(ServerMessage.Error::code).contains("store_unavailable");
            assertThat(onA.runEnds()).last().satisfies(d -> {
                assertThat(d.status()).isEqualTo(RunStatus.OK);
                assertThat(d.seq()).as("not acknowledged: the tab keeps it to re-send").isEqualTo(1);
            });
            SpringlitEngine b = node("node-b");
            assertThat(ClusterTab.hello(b, id)).as("a tab moving meanwhile is asked to come back, not started afresh")
                    .isInstanceOf(SessionOpening.StoreUnavailable.class);
            assertThat(b.sessions().size()).isZero();
        } finally {
            redis.startAgain();
        }
        awaitTrue(() -> {
            try (RedisConnection connection = redis.connections().getConnection()) {
                return "PONG".equals(connection.ping());
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        // redis-server started empty (no persistence): the next commit claims the session again and stores it all
        awaitTrue(() -> {
            onA.click("Inc", onA.session.runCount() + 10L);
            try {
                return java.util.Objects.equals(storedCount(id), dev.springlit.runtime.session.CommittedState.of(onA.session).values().get("count"));
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        assertThat(onA.runEnds()).last().satisfies(d -> assertThat(d.seq()).isGreaterThan(2));
    }

    private static long keyCount() {
        try (RedisConnection connection = redis.connections().getConnection()) {
            return connection.serverCommands().dbSize();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
