package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * What a tab sees while many commits wait for the store (S9.1), with a real redis-server frozen with SIGSTOP: at
 * most {@link #CAP} commits wait without holding a run thread; past that a run thread waits for its own commit, so
 * the pages of the tabs behind it wait too, and nothing is lost or reordered when the store answers. And a Stop
 * pressed while a run's commit is pending finds nothing to stop: the run is over, its result stands.
 */
@Timeout(120)
class CommitsInFlightTest {

    private static final Duration TTL = Duration.ofMinutes(2);
    /** SessionPersistence's bound on commits on their way at once. */
    private static final int CAP = 32;
    private static final int RUN_THREADS = 4;

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension().emptiedBeforeEachTest();

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final AtomicInteger runsEnded = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        redis.thaw(); // before the engine closes: a failed test may leave the server frozen
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private Page counter() {
        SessionState state = new CurrentSessionState();
        return st -> {
            state.setDefault("count", 0);
            if (st.button("Inc")) {
                state.put("count", state.getInt("count") + 1);
            }
            st.text("count=" + state.get("count"));
        };
    }

    /** A node with {@link #RUN_THREADS} run threads whose Redis commands wait up to a minute. */
    private SpringlitEngine node() throws Exception {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", redis.port()),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(60)).build());
        connections.afterPropertiesSet();
        connections.start();
        RedisSessionStoreTest.awaitConnected(connections);
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
        SnapshotCodec codec = new SnapshotCodec(getClass().getClassLoader(), List.of());
        engine.setPersistence(SessionPersistence.shared(new RedisSessionStore(connections), codec, "node-a", TTL));
        closing.add(0, connections::destroy);
        closing.add(0, engine);
        return engine;
    }

    private void freeze() throws Exception {
        redis.freeze();
    }

    private void thaw() throws Exception {
        redis.thaw();
    }

    @Test
    void S9_1_pastTheCapOfPendingCommitsARunThreadWaitsForItsOwnCommitAndNothingIsLostOrReorderedWhenTheStoreAnswers()
            throws Exception {
        SpringlitEngine a = node();
        int tabCount = CAP + RUN_THREADS + 8;
        List<ClusterTab> tabs = new ArrayList<>();
        for (int i = 0; i < tabCount; i++) {
            tabs.add(ClusterTab.open(a, null)); // first runs stored while Redis answers
        }
        int before = runsEnded.get();
        freeze();
        for (ClusterTab tab : tabs) {
            tab.session.interact(Map.of(), tab.buttonId("Inc"), 1);
        }

        awaitTrue(() -> runsEnded.get() == before + CAP + RUN_THREADS);
        Thread.sleep(500);
        assertThat(runsEnded.get() - before)
                .as("CAP pages ran and left their commits pending; then each run thread waits for its own commit, and "
                        + "the last tabs' pages wait for a thread")
                .isEqualTo(CAP + RUN_THREADS);
        assertThat(tabs).as("no tab hears its run ended before its state is stored")
                .allSatisfy(tab -> assertThat(tab.runEnds()).hasSize(1));

        thaw();
        for (ClusterTab tab : tabs) {
            tab.awaitIdle();
            assertThat(tab.texts()).containsExactly("count=1");
            assertThat(tab.runEnds()).extracting(ServerMessage.Delta::seq).containsExactly(0L, 1L);
            assertThat(tab.runEnds()).last().extracting(ServerMessage.Delta::status).isEqualTo(RunStatus.OK);
            assertThat(tab.errors()).isEmpty();
        }
        assertThat(runsEnded.get() - before).as("every click's page ran once").isEqualTo(tabCount);
        tabs.get(0).click("Inc", 2);
        assertThat(tabs.get(0).texts()).containsExactly("count=2");
    }

    @Test
    void S9_1_aStopWhileTheLastRunsCommitIsPendingFindsNothingToStopAndTheRunsResultStands() throws Exception {
        SpringlitEngine a = node();
        ClusterTab tab = ClusterTab.open(a, null);
        int before = runsEnded.get();
        freeze();
        tab.session.interact(Map.of(), tab.buttonId("Inc"), 1);
        awaitTrue(() -> runsEnded.get() == before + 1);
        assertThat(tab.session.isIdle()).as("the click's commit is pending").isFalse();

        assertThat(tab.session.stopRun()).as("the page is over: nothing runs that a Stop could stop").isFalse();

        thaw();
        tab.awaitIdle();
        assertThat(tab.runEnds()).last().satisfies(d -> {
            assertThat(d.seq()).isEqualTo(1);
            assertThat(d.status()).isEqualTo(RunStatus.OK);
        });
        assertThat(tab.texts()).containsExactly("count=1");
        tab.click("Inc", 2);
        assertThat(tab.texts()).as("the next click runs as usual").containsExactly("count=2");
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
