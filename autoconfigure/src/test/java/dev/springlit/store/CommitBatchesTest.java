package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Commits of many sessions made while earlier ones are on their way leave for Redis together (issue 14's batches),
 * against a real redis-server frozen with SIGSTOP so that the commits made meanwhile must wait for the first one's
 * answer. Leaving together must change nothing a session sees: each commit keeps its own version check (S9.4), a
 * script Redis forgot is sent again for each, and a commit that waited behind a frozen Redis fails after its own
 * timeout, counted from when it was made.
 */
@Timeout(120)
class CommitBatchesTest {

    private static final Duration TTL = Duration.ofMinutes(2);
    private static final int SESSIONS = 20;

    private final SnapshotCodec codec = new SnapshotCodec(getClass().getClassLoader(), List.of());
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension().emptiedBeforeEachTest();

    private LettuceConnectionFactory connections;
    private RedisSessionStore store;

    @BeforeEach
    void openConnection() throws Exception {
        connections = RedisSessionStoreTest.connect(redis.port()); // 1 s command timeout
        RedisSessionStoreTest.awaitConnected(connections);
        store = new RedisSessionStore(connections);
    }

    @AfterEach
    void closeConnection() throws Exception {
        redis.thaw(); // before the connection closes: a failed test may leave the server frozen
        connections.destroy();
    }

    private byte[] counter(int count, long seq) {
        return codec.encode(new SessionSnapshot(Map.of("count", count), Map.of(), Map.of(), "/counter", "", seq));
    }

    private int storedCount(String id) {
        return (Integer) codec.decode(store.load(id).orElseThrow().snapshot()).values().get("count");
    }

    /** SESSIONS sessions claimed by node-a, each with one commit landed (count 1). */
    private List<StoredSession> committedSessions() {
        List<StoredSession> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            StoredSession first = store.claim(SessionStoreContract.newId(), "node-a", TTL).next(1, counter(1, 1));
            assertThat(store.commit(first, TTL)).isTrue();
            sessions.add(first);
        }
        return sessions;
    }

    /** Each session's next commit (count 2), made while Redis is frozen; the {@code stale} one from an old version. */
    private List<CompletableFuture<Boolean>> commitAllFrozen(List<StoredSession> sessions, int stale) throws Exception {
        redis.freeze();
        List<CompletableFuture<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            StoredSession from = sessions.get(i);
            StoredSession next = i == stale
                    ? new StoredSession(from.id(), from.version(), "node-a", 2, counter(2, 2)) // a version behind
                    : from.next(2, counter(2, 2));
            answers.add(store.commitAsync(next, null, TTL).toCompletableFuture());
        }
        return answers;
    }

    @Test
    void S9_4_commitsThatLeaveTogetherEachKeepTheirOwnVersionCheck() throws Exception {
        List<StoredSession> sessions = committedSessions();
        LettuceConnectionFactory longer = longerTimeout();
        try {
            store = new RedisSessionStore(longer);
            int stale = 7;
            List<CompletableFuture<Boolean>> answers = commitAllFrozen(sessions, stale);
            Thread.sleep(200);
            assertThat(answers).as("nothing answers while Redis is frozen").noneMatch(CompletableFuture::isDone);
            redis.thaw();

            for (int i = 0; i < SESSIONS; i++) {
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).as("commit " + i + " landed").isEqualTo(i != stale);
                assertThat(storedCount(sessions.get(i).id())).isEqualTo(i == stale ? 1 : 2);
                assertThat(store.load(sessions.get(i).id()).orElseThrow().version())
                        .isEqualTo(sessions.get(i).version() + (i == stale ? 0 : 1));
            }
        } finally {
            longer.destroy();
        }
    }

    @Test
    void S9_1_commitsThatLeaveTogetherSendTheScriptAgainEachWhenRedisForgotIt() throws Exception {
        List<StoredSession> sessions = committedSessions();
        try (RedisConnection connection = connections.getConnection()) {
            connection.scriptingCommands().scriptFlush(); // as after a restart of Redis
        }
        LettuceConnectionFactory longer = longerTimeout();
        try {
            store = new RedisSessionStore(longer);
            List<CompletableFuture<Boolean>> answers = commitAllFrozen(sessions, -1);
            redis.thaw();

            for (int i = 0; i < SESSIONS; i++) {
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(storedCount(sessions.get(i).id())).isEqualTo(2);
            }
        } finally {
            longer.destroy();
        }
    }

    @Test
    void storeFaults_commitsWaitingBehindAFrozenRedisFailAfterTheirOwnTimeoutAndLaterOnesLandOnceItIsBack()
            throws Exception {
        List<StoredSession> sessions = committedSessions();
        LettuceConnectionFactory threeSeconds = connect(Duration.ofSeconds(3));
        try {
            store = new RedisSessionStore(threeSeconds);
            long made = System.nanoTime();
            List<CompletableFuture<Boolean>> answers = commitAllFrozen(sessions, -1);

            for (CompletableFuture<Boolean> answer : answers) {
                assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(SessionStoreException.class).hasMessageContaining("timed out");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - made))
                    .as("each failed 3 s after it was made, not after the commit in front of it failed as well")
                    .isLessThan(Duration.ofMillis(5500));
            redis.thaw();

            for (StoredSession session : sessions) {
                StoredSession reclaimed = store.claim(session.id(), "node-a", TTL); // as the ledger does after a failure
                assertThat(store.commitAsync(reclaimed.next(3, counter(3, 3)), null, TTL).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(storedCount(session.id())).isEqualTo(3);
            }
        } finally {
            threeSeconds.destroy();
        }
    }

    /** A connection whose commands wait long enough for a frozen Redis to come back. */
    private LettuceConnectionFactory longerTimeout() throws InterruptedException {
        return connect(Duration.ofSeconds(30));
    }

    private LettuceConnectionFactory connect(Duration commandTimeout) throws InterruptedException {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", redis.port()),
                LettuceClientConfiguration.builder().commandTimeout(commandTimeout).build());
        factory.afterPropertiesSet();
        factory.start();
        RedisSessionStoreTest.awaitConnected(factory);
        return factory;
    }
}
