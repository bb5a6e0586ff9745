package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.run.RunLimits;
import dev.springlit.runtime.run.RunObserver;
import dev.springlit.runtime.run.RuntimeSettings;
import dev.springlit.runtime.scope.CurrentSessionState;
import dev.springlit.runtime.session.SessionPersistence;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commits on their way to Redis (S9.1): a real redis-server frozen with SIGSTOP holds every commit in flight, as a
 * slow or distant store does, while tabs go on clicking. What a tab sees must not depend on how long the store takes:
 * each run's end comes after its state is stored, in order, and a commit that fails or times out is an error the
 * next click recovers from.
 */
@Timeout(120)
class PendingCommitsTest {

    private static final Duration TTL = Duration.ofMinutes(2);
    /** Run threads of the node: fewer than the tabs that click at once in the first test. */
    private static final int RUN_THREADS = 4;

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension().emptiedBeforeEachTest();

    private final List<AutoCloseable> closing = new ArrayList<>();
    /** Page runs whose body ended (their result is fixed): what follows is their commit. */
    private final AtomicInteger runsEnded = new AtomicInteger();

    @AfterEach
    void stopNodes() throws Exception {
        redis.thaw(); // first: a node's connection closes only once Redis answers again
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    /** "Inc" adds one; "Note" is a text field without a key or trigger (a new value supersedes a running click). */
    private Page counter() {
        SessionState state = new CurrentSessionState();
        return st -> {
            state.setDefault("count", 0);
            if (st.button("Inc")) {
                state.put("count", state.getInt("count") + 1);
            }
            String note = st.textInput("Note");
            st.text("count=" + state.get("count") + " note=" + note);
        };
    }

    /** A node whose Redis commands time out after {@code commandTimeout}. */
    private SpringlitEngine node(String name, Duration commandTimeout) {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", redis.port()),
                LettuceClientConfiguration.builder().commandTimeout(commandTimeout).build());
        connections.afterPropertiesSet();
        connections.start();
        PageDescriptor page = new PageDescriptor("/", "Counter", "", 0, "counter", counter());
        RunLimits defaults = RunLimits.defaults();
        SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(page)),
                RuntimeSettings.builder().enforceSerializableSessionState(true).disconnectedSessionTtl(TTL).build(),
                JsonMapper.builder().build(), new RunLimits(RUN_THREADS, defaults.maxRunTime(),
                defaults.interruptGrace(), defaults.maxAbandonedRunsPerPage()));
        engine.setObserver(new RunObserver() {
            @Override
            public void runEnded(RunStatus status, long nanos) {
                runsEnded.incrementAndGet();
            }
        });
        engine.setPersistence(SessionPersistence.shared(new RedisSessionStore(connections), codec(), name, TTL));
        closing.add(0, connections::destroy);
        closing.add(0, engine);
        return engine;
    }

    private static SnapshotCodec codec() {
        return new SnapshotCodec(PendingCommitsTest.class.getClassLoader(), List.of());
    }

    private static StoredSession stored(String id) {
        return new RedisSessionStore(redis.connections()).load(id).orElseThrow();
    }

    private static Object storedCount(String id) {
        return codec().decode(stored(id).snapshot()).values().get("count");
    }

    @Test
    void S9_1_runsWhoseCommitsWaitForTheStoreHoldNoRunThreadSoOtherTabsPagesRunMeanwhile() throws Exception {
        SpringlitEngine a = node("node-a", Duration.ofSeconds(60));
        List<ClusterTab> tabs = new ArrayList<>();
        for (int i = 0; i < 3 * RUN_THREADS; i++) {
            tabs.add(ClusterTab.open(a, null)); // first runs: claimed and stored while Redis answers
        }
        int before = runsEnded.get();
        redis.freeze();
        for (ClusterTab tab : tabs) {
            tab.session.interact(Map.of(), tab.buttonId("Inc"), 1);
        }

        awaitTrue(() -> runsEnded.get() == before + tabs.size());
        for (ClusterTab tab : tabs) {
            assertThat(tab.runEnds()).as("no run ends before its state is stored").hasSize(1);
            assertThat(tab.session.isIdle()).as("the click's commit is still pending").isFalse();
        }

        redis.thaw();
        for (ClusterTab tab : tabs) {
            tab.awaitIdle();
            assertThat(tab.texts()).containsExactly("count=1 note=");
            assertThat(tab.runEnds()).last().satisfies(d -> {
                assertThat(d.seq()).isEqualTo(1);
                assertThat(d.status()).isEqualTo(RunStatus.OK);
            });
            assertThat(storedCount(tab.session.id())).isEqualTo(1);
            assertThat(tab.errors()).isEmpty();
        }
    }

    @Test
    void S9_1_aClickArrivingWhileTheLastRunsCommitIsPendingWaitsForItAndEndsAfterIt() throws Exception {
        SpringlitEngine a = node("node-a", Duration.ofSeconds(60));
        List<String> storedAtRunEnd = new CopyOnWriteArrayList<>();
        ClusterTab[] tab = new ClusterTab[1];
        tab[0] = ClusterTab.open(a, null, delta -> {
            if (tab[0] != null && tab[0].session != null) {
                StoredSession atEnd = stored(tab[0].session.id());
                storedAtRunEnd.add(delta.seq() + "@" + atEnd.lastSeq() + ":" + storedCount(tab[0].session.id()));
            }
        });
        String inc = tab[0].buttonId("Inc");
        int before = runsEnded.get();
        redis.freeze();
        tab[0].session.interact(Map.of(), inc, 1);
        awaitTrue(() -> runsEnded.get() == before + 1);
        tab[0].session.interact(Map.of(), inc, 2);
        Thread.sleep(300);
        assertThat(runsEnded).as("the second click waits for the first one's commit").hasValue(before + 1);

        redis.thaw();
        tab[0].awaitIdle();
        assertThat(tab[0].runEnds()).extracting(ServerMessage.Delta::seq).containsExactly(0L, 1L, 2L);
        assertThat(storedAtRunEnd).as("what the store held when each run end was sent")
                .containsExactly("1@1:1", "2@2:2");
        assertThat(tab[0].texts()).containsExactly("count=2 note=");
    }

    @Test
    void S9_1_aNewerValueOrAStopWhileACommitIsPendingDoesNotUndoTheRunThatEnded() throws Exception {
        SpringlitEngine a = node("node-a", Duration.ofSeconds(60));
        ClusterTab tab = ClusterTab.open(a, null);
        String note = tab.widgetId("text_input");
        int before = runsEnded.get();
        redis.freeze();
        tab.session.interact(Map.of(), tab.buttonId("Inc"), 1);
        awaitTrue(() -> runsEnded.get() == before + 1);
        tab.session.interact(Map.of(note, "hi"), null, 2); // supersedes a running click: it would interrupt it
        tab.session.stopRun();
        Thread.sleep(200);

        redis.thaw();
        tab.awaitIdle();
        assertThat(tab.runEnds()).extracting(ServerMessage.Delta::seq).containsExactly(0L, 1L, 2L);
        assertThat(tab.runEnds()).extracting(ServerMessage.Delta::status)
                .containsExactly(RunStatus.OK, RunStatus.OK, RunStatus.OK);
        assertThat(runsEnded).as("the click's run once, then the value's").hasValue(before + 2);
        assertThat(tab.texts()).containsExactly("count=1 note=hi");
        assertThat(storedCount(tab.session.id())).isEqualTo(1);
        assertThat(stored(tab.session.id()).lastSeq()).isEqualTo(2);
        tab.click("Inc", 3);
        assertThat(tab.texts()).containsExactly("count=2 note=hi");
    }

    @Test
    void S9_1_aCommitThatTimesOutIsAnErrorToTheTabAndTheNextClickStoresEverything() throws Exception {
        SpringlitEngine a = node("node-a", Duration.ofMillis(500));
        ClusterTab tab = ClusterTab.open(a, null);
        String id = tab.session.id();
        redis.freeze();
        tab.session.interact(Map.of(), tab.buttonId("Inc"), 1);
        awaitTrue(() -> tab.runEnds().size() == 2);
        redis.thaw();

        assertThat(tab.errors()).extracting(ServerMessage.Error::code).containsExactly("store_unavailable");
        assertThat(tab.runEnds()).last().satisfies(d -> {
            assertThat(d.status()).isEqualTo(RunStatus.OK);
            assertThat(d.seq()).as("not acknowledged: the tab keeps the click to re-send").isZero();
        });
        assertThat(tab.texts()).as("the run's state is kept on the node").containsExactly("count=1 note=");

        tab.click("Inc", 2);
        assertThat(tab.texts()).containsExactly("count=2 note=");
        assertThat(tab.runEnds()).last().satisfies(d -> assertThat(d.seq()).isEqualTo(2));
        assertThat(tab.errors()).as("no new error").hasSize(1);
        assertThat(storedCount(id)).isEqualTo(2);
        assertThat(stored(id).lastSeq()).isEqualTo(2);
        assertThat(stored(id).owner()).isEqualTo("node-a");
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
