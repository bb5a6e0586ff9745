package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class MemorySessionStoreTest extends SessionStoreContract {

    private final MemorySessionStore store = new MemorySessionStore();

    @Override
    SessionStore store() {
        return store;
    }

    @Test
    void S9_6_abandonedSessionsAreSweptFromMemoryWithoutBeingLookedAt() {
        AtomicLong now = new AtomicLong();
        MemorySessionStore timed = new MemorySessionStore(now::get);
        for (int i = 0; i < 100; i++) {
            timed.claim(newId(), "node-a", Duration.ofSeconds(1));
        }
        assertThat(timed.size()).isEqualTo(100);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        timed.claim(newId(), "node-a", Duration.ofSeconds(10));

        assertThat(timed.size()).as("only the new session is left").isEqualTo(1);
    }

    @Test
    void aCallersArrayIsCopiedSoChangingItLaterChangesNothingStored() {
        String id = newId();
        StoredSession claimed = store.claim(id, "node-a", TTL);
        byte[] bytes = counter(1, 1);
        store.commit(claimed.next(1, bytes), TTL);

        bytes[bytes.length - 1] ^= 0x55;
        store.load(id).orElseThrow().snapshot()[0] = 0;

        assertThat(codec.decode(store.load(id).orElseThrow().snapshot()).values()).containsEntry("count", 1);
    }
}
