package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Benchmark figures for the issue note, printed rather than asserted (the machine is shared): commits per second
 * from one thread and from 8 threads against loopback Redis and in memory, bytes and round trips per commit. What
 * it asserts is that under that load every commit landed and none was lost.
 */
@Timeout(120)
class StoreThroughputTest {

    private static final Duration TTL = Duration.ofMinutes(2);
    private static final long RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();
    private final SnapshotCodec codec = new SnapshotCodec(getClass().getClassLoader(), List.of());

    @Test
    void commitsPerSecondFromOneAndEightThreads() throws Exception {
        RedisSessionStore redisStore = new RedisSessionStore(redis.connections());
        MemorySessionStore memoryStore = new MemorySessionStore();
        // the JIT and Lettuce's connection warm up first; these figures are not printed
        run(redisStore, Snapshots::counterPage, 8);
        run(memoryStore, Snapshots::counterPage, 8);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-8s %-12s %7s %12s %14s %16s", "store", "snapshot", "threads", "commits/s",
                "bytes/commit", "requests/commit"));
        for (String shape : List.of("counter", "100 keys")) {
            IntFunction<SessionSnapshot> snapshot = shape.equals("counter") ? Snapshots::counterPage
                    : seq -> Snapshots.hundredKeys();
            for (int threads : new int[] {1, 8}) {
                Map<String, Long> before = RedisSessionStoreTest.commandCalls(redis.connections());
                Result result = run(redisStore, snapshot, threads);
                Map<String, Long> calls = RedisSessionStoreTest.delta(before,
                        RedisSessionStoreTest.commandCalls(redis.connections()));
                long requests = calls.getOrDefault("evalsha", 0L) + calls.getOrDefault("eval", 0L);
                lines.add(String.format("%-8s %-12s %7d %,12.0f %,14d %16.2f", "redis", shape, threads,
                        result.perSecond(), result.bytesPerCommit(), (double) requests / (result.commits + threads)));
                Result memory = run(memoryStore, snapshot, threads);
                lines.add(String.format("%-8s %-12s %7d %,12.0f %,14d %16s", "memory", shape, threads,
                        memory.perSecond(), memory.bytesPerCommit(), "-"));
            }
        }
        System.out.println("Session store throughput (encode + commit, loopback Redis, "
                + Runtime.getRuntime().availableProcessors() + " CPUs):");
        lines.forEach(System.out::println);
    }

    private record Result(long commits, long bytes, long nanos) {

        double perSecond() {
            return commits * 1e9 / nanos;
        }

        long bytesPerCommit() {
            return commits == 0 ? 0 : bytes / commits;
        }
    }

    /** Each thread owns one session and commits to it in a loop; every commit must land. */
    private Result run(SessionStore store, IntFunction<SessionSnapshot> snapshot, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    String id = UUID.randomUUID().toString();
                    StoredSession session = store.claim(id, "node-a", TTL);
                    long commits = 0;
                    long bytes = 0;
                    while (System.nanoTime() - started < RUN_NANOS) {
                        int seq = (int) commits + 1;
                        byte[] encoded = codec.encode(snapshot.apply(seq));
                        StoredSession next = session.next(seq, encoded);
                        assertThat(store.commit(next, TTL)).isTrue();
                        session = next;
                        commits++;
                        bytes += encoded.length;
                    }
                    assertThat(store.load(id).orElseThrow().version()).isEqualTo(1 + commits);
                    return new long[] {commits, bytes};
                }));
            }
            long commits = 0;
            long bytes = 0;
            for (Future<long[]> result : results) {
                long[] counts = result.get(60, TimeUnit.SECONDS);
                commits += counts[0];
                bytes += counts[1];
            }
            return new Result(commits, bytes, System.nanoTime() - started);
        } finally {
            pool.shutdownNow();
        }
    }
}
