package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The store contract and Redis' own failure modes, against a real redis-server on a free port. */
class RedisSessionStoreTest extends SessionStoreContract {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension().emptiedBeforeEachTest();

    private static RedisSessionStore store;

    @BeforeAll
    static void connectStore() {
        store = new RedisSessionStore(redis.connections());
    }

    /** Kept for tests that connect through this class: see {@link RedisServerExtension#connect}. */
    static LettuceConnectionFactory connect(int port) {
        return RedisServerExtension.connect(port);
    }

    /** Kept for tests that connect through this class: see {@link RedisServerExtension#awaitConnected}. */
    static void awaitConnected(LettuceConnectionFactory connections) {
        RedisServerExtension.awaitConnected(connections);
    }

    @Override
    SessionStore store() {
        return store;
    }

    private static byte[] key(String id) {
        return (RedisSessionStore.DEFAULT_KEY_PREFIX + id).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean exists(String id) {
        try (RedisConnection connection = redis.connections().getConnection()) {
            return Boolean.TRUE.equals(connection.keyCommands().exists(key(id)));
        }
    }

    private static long keyCount() {
        try (RedisConnection connection = redis.connections().getConnection()) {
            return connection.serverCommands().dbSize();
        }
    }

    /** Calls per command since the server started; commands a Lua script runs are counted as well. */
    static Map<String, Long> commandCalls(LettuceConnectionFactory connections) {
        try (RedisConnection connection = connections.getConnection()) {
            Properties stats = connection.serverCommands().info("commandstats");
            Map<String, Long> calls = new TreeMap<>();
            for (String name : stats.stringPropertyNames()) {
                String value = stats.getProperty(name);
                Matcher m = Pattern.compile("calls=(\\d+)").matcher(value);
                if (name.startsWith("cmdstat_") && m.find()) {
                    calls.put(name.substring(8), Long.parseLong(m.group(1)));
                }
            }
            return calls;
        }
    }

    /** The bytes Redis has received from clients so far. */
    static long netInput(LettuceConnectionFactory connections) {
        try (RedisConnection connection = connections.getConnection()) {
            return Long.parseLong(connection.serverCommands().info("stats").getProperty("total_net_input_bytes").strip());
        }
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((name, calls) -> {
            long d = calls - before.getOrDefault(name, 0L);
            if (d != 0) {
                delta.put(name, d);
            }
        });
        return delta;
    }

    @Test
    void S9_1_aSessionIsOneHashUnderTheSpringlitPrefixWithARedisTtl() {
        String id = newId();
        StoredSession claimed = store.claim(id, "node-a", Duration.ofSeconds(120));
        store.commit(claimed.next(3, counter(3, 3)), Duration.ofSeconds(120));

        try (RedisConnection connection = redis.connections().getConnection()) {
            assertThat(connection.keyCommands().type(key(id)).code()).isEqualTo("hash");
            assertThat(connection.keyCommands().pTtl(key(id))).isBetween(1L, 120_000L);
            assertThat(connection.keyCommands().keys("springlit:session:*".getBytes(StandardCharsets.UTF_8)))
                    .hasSize(1);
        }
    }

    @Test
    void S9_1_aCommitIsOneRoundTrip() {
        String id = newId();
        StoredSession session = store.claim(id, "node-a", TTL);
        session = session.next(1, counter(1, 1));
        store.commit(session, TTL); // Redis now knows the script

        Map<String, Long> before = commandCalls(redis.connections());
        for (int i = 2; i <= 11; i++) {
            session = session.next(i, counter(i, i));
            assertThat(store.commit(session, TTL)).isTrue();
        }
        Map<String, Long> calls = delta(before, commandCalls(redis.connections()));

        // one EVALSHA per commit from the client; TYPE, HMGET, HKEYS (a whole commit drops parts it does not
        // write), HSET and PEXPIRE run inside the script; the first INFO is counted once it has run
        assertThat(calls).containsExactlyInAnyOrderEntriesOf(Map.of("evalsha", 10L, "type", 10L,
                "hmget", 10L, "hkeys", 10L, "hset", 10L, "pexpire", 10L, "info", 1L));
    }

    @Test
    void S9_1_aDeltaCommitWritesOnlyTheChangedPartsInOneRoundTripAndLoadsWhole() {
        String id = newId();
        StoredSession session = store.claim(id, "node-a", TTL).next(1, noted(1));
        store.commit(session, TTL);
        long bytesBefore = netInput(redis.connections());
        for (int i = 2; i <= 11; i++) {
            session = session.next(i, noted(i));
            assertThat(store.commit(session, TTL)).isTrue();
        }
        long wholeBytes = (netInput(redis.connections()) - bytesBefore) / 10;

        Map<String, Long> before = commandCalls(redis.connections());
        bytesBefore = netInput(redis.connections());
        for (int i = 12; i <= 21; i++) {
            Map<String, byte[]> previous = SnapshotParts.parts(session.snapshot(), Integer.MAX_VALUE);
            session = session.next(i, noted(i));
            Map<String, byte[]> changed = new HashMap<>(SnapshotParts.parts(session.snapshot(),
                    Integer.MAX_VALUE));
            changed.entrySet().removeIf(part -> Arrays.equals(part.getValue(), previous.get(part.getKey())));
            assertThat(changed).containsOnlyKeys(SnapshotParts.keyed("count"));
            assertThat(store.commit(session, new SnapshotDelta(changed, Set.of()), TTL)).isTrue();
        }
        long deltaBytes = (netInput(redis.connections()) - bytesBefore) / 10;
        Map<String, Long> calls = delta(before, commandCalls(redis.connections()));

        assertThat(calls).as("one round trip each; no HKEYS: nothing else is dropped")
                .containsExactlyInAnyOrderEntriesOf(Map.of("evalsha", 10L, "type", 10L, "hmget", 10L,
                        "hset", 10L, "pexpire", 10L, "info", 3L));
        assertThat(store.load(id)).contains(session);
        assertThat(codec.decode(store.load(id).orElseThrow().snapshot()).values()).containsEntry("count", 21);
        assertThat(deltaBytes).as("the count's part, not the 500-character note again").isLessThan(wholeBytes - 400);
        System.out.println("Redis bytes received per commit: whole " + wholeBytes + ", delta " + deltaBytes);
    }

    /** A count beside a note that never changes. */
    private byte[] noted(int count) {
        return codec.encode(new SessionSnapshot(Map.of("count", count, "note", "n".repeat(500)),
                Map.of(), Map.of(), "/", "", 0));
    }

    @Test
    void S9_1_aDeltaCommitRemovesPartsThatAreGone() {
        String id = newId();
        byte[] whole = codec.encode(new SessionSnapshot(Map.of("a", 1, "b", 2), Map.of(),
                Map.of(), "/", "", 1));
        StoredSession session = store.claim(id, "node-a", TTL).next(1, whole);
        store.commit(session, TTL);
        byte[] without = codec.encode(new SessionSnapshot(Map.of("a", 1), Map.of(),
                Map.of(), "/", "", 2));
        session = session.next(2, without);

        assertThat(store.commit(session, new SnapshotDelta(Map.of(), Set.of(SnapshotParts.keyed("b"))),
                TTL)).isTrue();
        assertThat(codec.decode(store.load(id).orElseThrow().snapshot()).values()).containsOnlyKeys("a");
    }

    @Test
    void S9_4_twoNodesWithTheirOwnConnectionsNeverBothCommitAndTheLoserWritesNothing() throws Exception {
        LettuceConnectionFactory nodeBConnections = connect(redis.port());
        try {
            RedisSessionStore nodeA = store;
            RedisSessionStore nodeB = new RedisSessionStore(nodeBConnections);
            String id = newId();
            StoredSession a = nodeA.claim(id, "node-a", TTL);
            a = a.next(1, counter(1, 1));
            assertThat(nodeA.commit(a, TTL)).isTrue();

            // node B takes the tab over (a reconnect through the load balancer) while node A still runs its page
            StoredSession b = nodeB.claim(id, "node-b", TTL);
            StoredSession aLate = a.next(2, counter(2, 2));
            StoredSession bNext = b.next(2, counter(5, 2));

            assertThat(nodeA.commit(aLate, TTL)).as("node A's late run").isFalse();
            assertThat(nodeB.commit(bNext, TTL)).isTrue();
            StoredSession stored = nodeA.load(id).orElseThrow();
            assertThat(stored).isEqualTo(bNext);
            assertThat(codec.decode(stored.snapshot()).values()).containsEntry("count", 5);
            // node A learns it lost the session only by being refused; if it claims again, B's state is what it gets
            StoredSession reclaimed = nodeA.claim(id, "node-a", TTL);
            assertThat(codec.decode(reclaimed.snapshot()).values()).containsEntry("count", 5);
            assertThat(nodeB.commit(bNext.next(3, counter(6, 3)), TTL)).as("node B lost it in turn").isFalse();
        } finally {
            nodeBConnections.destroy();
        }
    }

    @Test
    void S9_6_abandonedSessionsLeaveNoKeysInRedisAfterTheirTtl() throws InterruptedException {
        Duration ttl = Duration.ofMillis(500);
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            String id = newId();
            StoredSession claimed = store.claim(id, "node-a", ttl);
            assertThat(store.commit(claimed.next(1, counter(1, 1)), ttl)).isTrue();
            boolean stored = exists(id);
            // checked one by one, and only while the TTL cannot have run out: counting all 50 at the end assumed
            // the loop takes less than 500 ms, which it did not on a loaded machine
            if (System.nanoTime() - start < ttl.toNanos()) {
                assertThat(stored).as("session %d is in Redis right after its commit", i).isTrue();
            }
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (keyCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        // DBSIZE counts keys Redis has not reclaimed yet: zero means their memory is gone too
        assertThat(keyCount()).isZero();
    }

    @Test
    void S9_5_dataUnderOurKeyThatIsNotOursIsRefusedLeftAloneAndTheStoreKeepsWorking() {
        String plain = newId();
        String otherHash = newId();
        try (RedisConnection connection = redis.connections().getConnection()) {
            connection.stringCommands().set(key(plain), "someone else's".getBytes(StandardCharsets.UTF_8));
            connection.hashCommands().hSet(key(otherHash), "v".getBytes(StandardCharsets.UTF_8),
                    "1".getBytes(StandardCharsets.UTF_8));
        }

        for (String id : new String[] {plain, otherHash}) {
            assertThatThrownBy(() -> store.load(id)).isInstanceOf(UnreadableSessionException.class)
                    .hasMessageContaining("refused");
            assertThatThrownBy(() -> store.claim(id, "node-a", TTL)).isInstanceOf(UnreadableSessionException.class);
            assertThat(store.commit(new StoredSession(id, 2, "node-a", 1, counter(1, 1)), TTL)).isFalse();
            assertThat(store.release(id, 1)).isFalse();
        }

        try (RedisConnection connection = redis.connections().getConnection()) {
            assertThat(connection.stringCommands().get(key(plain))).asString(StandardCharsets.UTF_8)
                    .isEqualTo("someone else's");
            assertThat(connection.hashCommands().hLen(key(otherHash))).isEqualTo(1);
        }
        String fine = newId();
        assertThat(store.commit(store.claim(fine, "node-a", TTL).next(1, counter(1, 1)), TTL)).isTrue();
    }

    @Test
    void S9_5_tamperedFieldsAndSnapshotBytesAreRefusedAndTheStoreKeepsWorking() {
        String id = newId();
        StoredSession claimed = store.claim(id, "node-a", TTL);
        store.commit(claimed.next(1, counter(1, 1)), TTL);
        byte[] gadget = codec.encodeValue(new Gadget("calc"));
        int readsBefore = Gadget.READS.get();
        try (RedisConnection connection = redis.connections().getConnection()) {
            // a value's part: one hash field per value
            connection.hashCommands().hSet(key(id), ("p:" + SnapshotParts.keyed("count")).getBytes(StandardCharsets.UTF_8),
                    gadget);
        }

        byte[] stored = store.load(id).orElseThrow().snapshot();
        assertThatThrownBy(() -> codec.decode(stored)).isInstanceOf(UnreadableSessionException.class)
                .hasMessageContaining("Gadget is not in the allow-list");
        assertThat(Gadget.READS.get()).isEqualTo(readsBefore);

        try (RedisConnection connection = redis.connections().getConnection()) {
            connection.hashCommands().hSet(key(id), "v".getBytes(StandardCharsets.UTF_8),
                    "two".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> store.load(id)).isInstanceOf(UnreadableSessionException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> store.claim(id, "node-b", TTL)).isInstanceOf(UnreadableSessionException.class);

        String fine = newId();
        assertThat(store.commit(store.claim(fine, "node-a", TTL).next(1, counter(1, 1)), TTL)).isTrue();
    }

    @Test
    void storeFaults_redisDownGivesAClearExceptionAndTheStoreWorksAgainWhenItIsBack() throws Exception {
        try (RedisServerProcess own = RedisServerProcess.start()) {
            LettuceConnectionFactory connections = connect(own.port());
            try {
                RedisSessionStore outage = new RedisSessionStore(connections);
                String id = newId();
                StoredSession claimed = outage.claim(id, "node-a", TTL);

                own.stop();
                long started = System.nanoTime();
                assertThatThrownBy(() -> outage.commit(claimed.next(1, counter(1, 1)), TTL))
                        .isInstanceOf(SessionStoreException.class)
                        .hasMessageStartingWith("The Redis session store failed: ")
                        .hasMessageNotContaining(id);
                assertThatThrownBy(() -> outage.load(id)).isInstanceOf(SessionStoreException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

                own.startAgain();
                // Lettuce reconnects by itself; the restarted server is empty (no persistence)
                StoredSession again = awaitClaim(outage, id);
                assertThat(again.version()).isEqualTo(1);
                assertThat(outage.commit(again.next(1, counter(1, 1)), TTL)).isTrue();
                assertThat(codec.decode(outage.load(id).orElseThrow().snapshot()).values())
                        .containsEntry("count", 1);
            } finally {
                connections.destroy();
            }
        }
    }

    private static StoredSession awaitClaim(SessionStore store, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return store.claim(id, "node-a", TTL);
            } catch (SessionStoreException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void storeFaults_aFrozenRedisTimesOutCommitsAndAfterwardsHoldsTheOldOrTheNewStateWhole() throws Exception {
        try (RedisServerProcess own = RedisServerProcess.start()) {
            LettuceConnectionFactory connections = connect(own.port());
            try {
                RedisSessionStore frozen = new RedisSessionStore(connections);
                String id = newId();
                StoredSession committed = frozen.claim(id, "node-a", TTL).next(1, counter(1, 1));
                assertThat(frozen.commit(committed, TTL)).isTrue();
                StoredSession attempted = committed.next(2, counter(2, 2));

                own.freeze();
                try {
                    assertThatThrownBy(() -> frozen.commit(attempted, TTL)).isInstanceOf(SessionStoreException.class);
                } finally {
                    own.thaw();
                }

                // the timed-out command may still have run: whichever state is there is complete and readable
                StoredSession after = awaitLoad(frozen, id);
                assertThat(after).isIn(committed, attempted);
                int count = (Integer) codec.decode(after.snapshot()).values().get("count");
                assertThat(count).isEqualTo(after.equals(committed) ? 1 : 2);
                // a node that does not know whether its commit landed claims again and goes on from there
                StoredSession reclaimed = frozen.claim(id, "node-a", TTL);
                assertThat(frozen.commit(reclaimed.next(3, counter(3, 3)), TTL)).isTrue();
            } finally {
                connections.destroy();
            }
        }
    }

    @Test
    void S9_1_anAsyncCommitIsOneRoundTripAndSendsTheScriptAgainWhenRedisForgotIt() throws Exception {
        String id = newId();
        StoredSession session = store.claim(id, "node-a", TTL).next(1, counter(1, 1));
        try (RedisConnection connection = redis.connections().getConnection()) {
            connection.scriptingCommands().scriptFlush(); // as after a restart of Redis
        }
        assertThat(store.commitAsync(session, null, TTL).toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();

        Map<String, Long> before = commandCalls(redis.connections());
        for (int i = 2; i <= 11; i++) {
            session = session.next(i, counter(i, i));
            assertThat(store.commitAsync(session, null, TTL).toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
        }
        Map<String, Long> calls = delta(before, commandCalls(redis.connections()));

        assertThat(calls).containsEntry("evalsha", 10L).doesNotContainKey("eval");
        assertThat(codec.decode(store.load(id).orElseThrow().snapshot()).values()).containsEntry("count", 11);
    }

    @Test
    void storeFaults_anAsyncCommitToAFrozenRedisFailsAfterTheCommandTimeoutWithoutWaitingForRedis() throws Exception {
        try (RedisServerProcess own = RedisServerProcess.start()) {
            LettuceConnectionFactory connections = connect(own.port()); // 1 s command timeout
            try {
                RedisSessionStore frozen = new RedisSessionStore(connections);
                String id = newId();
                StoredSession committed = frozen.claim(id, "node-a", TTL).next(1, counter(1, 1));
                assertThat(frozen.commit(committed, TTL)).isTrue();

                own.freeze();
                CompletableFuture<Boolean> attempt;
                try {
                    attempt = frozen.commitAsync(committed.next(2, counter(2, 2)), null, TTL).toCompletableFuture();
                    assertThatThrownBy(() -> attempt.get(20, TimeUnit.SECONDS))
                            .isInstanceOf(ExecutionException.class)
                            .cause().isInstanceOf(SessionStoreException.class).hasMessageContaining("timed out");
                } finally {
                    own.thaw();
                }
                StoredSession reclaimed = frozen.claim(id, "node-a", TTL);
                assertThat(frozen.commitAsync(reclaimed.next(3, counter(3, 3)), null, TTL).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                connections.destroy();
            }
        }
    }

    private static StoredSession awaitLoad(SessionStore store, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return store.load(id).orElseThrow();
            } catch (SessionStoreException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }
}
