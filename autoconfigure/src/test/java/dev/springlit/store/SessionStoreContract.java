package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link SessionStore} does, run against each implementation by its subclass. */
@Timeout(60)
abstract class SessionStoreContract {

    static final Duration TTL = Duration.ofMinutes(2);

    final SnapshotCodec codec = new SnapshotCodec(getClass().getClassLoader(), List.of());

    abstract SessionStore store();

    static String newId() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }

    byte[] counter(int count, long seq) {
        return codec.encode(new SessionSnapshot(Map.of("count", count), Map.of(), Map.of(), "/counter", "", seq));
    }

    @Test
    void claimCreatesAnEmptySessionAtVersionOneOwnedByTheClaimingNode() {
        String id = newId();
        assertThat(store().load(id)).isEmpty();

        StoredSession claimed = store().claim(id, "node-a", TTL);

        assertThat(claimed.version()).isEqualTo(1);
        assertThat(claimed.owner()).isEqualTo("node-a");
        assertThat(claimed.isEmpty()).isTrue();
        assertThat(claimed.lastSeq()).isZero();
        assertThat(store().load(id)).contains(claimed);
    }

    @Test
    void S9_1_aCommittedSnapshotLoadsBackWithItsVersionOwnerAndLastInteraction() {
        String id = newId();
        StoredSession claimed = store().claim(id, "node-a", TTL);

        assertThat(store().commit(claimed.next(3, counter(3, 3)), TTL)).isTrue();

        StoredSession loaded = store().load(id).orElseThrow();
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(loaded.owner()).isEqualTo("node-a");
        assertThat(loaded.lastSeq()).isEqualTo(3);
        SessionSnapshot snapshot = codec.decode(loaded.snapshot());
        assertThat(snapshot.values()).containsEntry("count", 3);
        assertThat(snapshot.pagePath()).isEqualTo("/counter");
    }

    @Test
    void S9_2_anotherNodeThatClaimsTheSessionFindsItsCommittedState() {
        String id = newId();
        StoredSession a = store().claim(id, "node-a", TTL);
        store().commit(a.next(2, counter(2, 2)), TTL);

        StoredSession b = store().claim(id, "node-b", TTL);

        assertThat(b.version()).isEqualTo(3);
        assertThat(b.owner()).isEqualTo("node-b");
        assertThat(b.lastSeq()).isEqualTo(2);
        assertThat(codec.decode(b.snapshot()).values()).containsEntry("count", 2);
    }

    @Test
    void S9_4_aNodeThatLostTheSessionCannotCommitAndNothingOfItsRunLands() {
        String id = newId();
        StoredSession a = store().claim(id, "node-a", TTL);
        StoredSession aCommitted = a.next(1, counter(1, 1));
        assertThat(store().commit(aCommitted, TTL)).isTrue();
        StoredSession b = store().claim(id, "node-b", TTL);

        boolean staleLanded = store().commit(aCommitted.next(2, counter(99, 2)), TTL);

        assertThat(staleLanded).isFalse();
        StoredSession stored = store().load(id).orElseThrow();
        assertThat(stored).isEqualTo(b);
        assertThat(codec.decode(stored.snapshot()).values()).containsEntry("count", 1);
        assertThat(store().commit(b.next(2, counter(2, 2)), TTL)).isTrue();
        assertThat(codec.decode(store().load(id).orElseThrow().snapshot()).values()).containsEntry("count", 2);
    }

    @Test
    void S9_4_aCommitUnderAnotherOwnersNameIsRefusedEvenAtTheRightVersion() {
        String id = newId();
        StoredSession a = store().claim(id, "node-a", TTL);
        StoredSession impostor = new StoredSession(id, a.version() + 1, "node-b", 1, counter(7, 1));

        assertThat(store().commit(impostor, TTL)).isFalse();
        assertThat(store().load(id)).contains(a);
    }

    @Test
    void S9_4_ofEightCommitsFromTheSameVersionExactlyOneLands() throws Exception {
        String id = newId();
        StoredSession claimed = store().claim(id, "node-a", TTL);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int count = i;
                Callable<Boolean> commit = () -> {
                    go.await();
                    return store().commit(claimed.next(1, counter(count, 1)), TTL);
                };
                results.add(threads.submit(commit));
            }
            go.countDown();
            int landed = 0;
            for (Future<Boolean> result : results) {
                landed += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(landed).isEqualTo(1);
            assertThat(store().load(id).orElseThrow().version()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void S9_4_anAsyncCommitLandsAtTheNextVersionAndOneFromALostVersionLandsNothing() throws Exception {
        String id = newId();
        StoredSession a = store().claim(id, "node-a", TTL);
        StoredSession first = a.next(1, counter(1, 1));
        assertThat(store().commitAsync(first, null, TTL).toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();
        StoredSession b = store().claim(id, "node-b", TTL);

        StoredSession stale = first.next(2, counter(99, 2));
        assertThat(store().commitAsync(stale, null, TTL).toCompletableFuture().get(30, TimeUnit.SECONDS)).isFalse();

        assertThat(store().load(id)).contains(b);
        assertThat(codec.decode(b.snapshot()).values()).containsEntry("count", 1);
    }

    @Test
    void aCommitToASessionThatIsNotStoredIsRefusedAndCreatesNothing() {
        String id = newId();
        StoredSession never = new StoredSession(id, 2, "node-a", 1, counter(1, 1));

        assertThat(store().commit(never, TTL)).isFalse();
        assertThat(store().load(id)).isEmpty();
    }

    @Test
    void S9_6_aParkedSessionExpiresAfterItsTtlAndATouchKeepsItAlive() throws InterruptedException {
        String kept = newId();
        String dropped = newId();
        store().claim(kept, "node-a", Duration.ofMillis(700));
        store().claim(dropped, "node-a", Duration.ofMillis(700));

        for (int i = 0; i < 6; i++) {
            Thread.sleep(250);
            assertThat(store().touch(kept, Duration.ofMillis(700))).isTrue();
        }

        assertThat(store().load(kept)).isPresent();
        assertThat(store().load(dropped)).isEmpty();
        assertThat(store().touch(dropped, TTL)).isFalse();
    }

    @Test
    void S9_6_onlyTheCurrentVersionReleasesASessionSoOneNodeEndsIt() {
        String id = newId();
        StoredSession a = store().claim(id, "node-a", TTL);
        StoredSession b = store().claim(id, "node-b", TTL);

        assertThat(store().release(id, a.version())).isFalse();
        assertThat(store().load(id)).contains(b);
        assertThat(store().release(id, b.version())).isTrue();
        assertThat(store().load(id)).isEmpty();
        assertThat(store().release(id, b.version())).as("already gone: not ended by this call").isFalse();
    }

    @Test
    void hostileSessionIdsAreRefusedWithoutQuotingThem() {
        for (String hostile : List.of("", "../other", "a\nb", "*", "x".repeat(129), "id with spaces")) {
            assertThatThrownBy(() -> store().load(hostile))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(hostile.isEmpty() ? "\u0000" : hostile));
        }
    }

    @Test
    void storedSessionsNeverShowTheirIdOrBytes() {
        String id = newId();
        StoredSession claimed = store().claim(id, "node-a", TTL);

        assertThat(claimed.toString()).doesNotContain(id).contains("version=1", "node-a");
    }
}
