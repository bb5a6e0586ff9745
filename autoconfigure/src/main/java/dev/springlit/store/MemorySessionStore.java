package dev.springlit.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A {@link SessionStore} in this JVM's heap: the default, with nothing to install. It keeps the same bytes, versions
 * and expiry a shared store keeps, so the runtime behaves alike with both.
 *
 * <pre>{@code
 * SessionStore store = new MemorySessionStore();
 * StoredSession mine = store.claim(sessionId, "local", Duration.ofMinutes(2));
 * }</pre>
 *
 * <p>Expired sessions are removed when they are next looked at and by a sweep that runs at most once a second
 * during other calls, so abandoned sessions do not accumulate.
 */
public final class MemorySessionStore implements SessionStore {

    private static final long SWEEP_INTERVAL_NANOS = 1_000_000_000L;

    /**
     * The sessions {@link #jvmWide()} stores share. This class is in Springlit's jar, which DevTools loads with its
     * base class loader, so the map outlives a restart; the snapshots are bytes, read again with the new loader.
     */
    private static final ConcurrentHashMap<String, Entry> JVM_WIDE = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, Entry> sessions;
    private final LongSupplier nanoClock;
    private final AtomicLong nextSweep;

    /** A record and the {@link System#nanoTime()} after which it is gone. */
    private record Entry(StoredSession session, long expiresAt) {
    }

    public MemorySessionStore() {
        this(System::nanoTime);
    }

    /**
     * The store of this JVM: every instance shares one map, so a restart of the application in this JVM (DevTools)
     * finds the sessions its previous run saved.
     */
    public static MemorySessionStore jvmWide() {
        return new MemorySessionStore(JVM_WIDE, System::nanoTime);
    }

    /** For tests that move time themselves. */
    MemorySessionStore(LongSupplier nanoClock) {
        this(new ConcurrentHashMap<>(), nanoClock);
    }

    private MemorySessionStore(ConcurrentHashMap<String, Entry> sessions, LongSupplier nanoClock) {
        this.sessions = sessions;
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + SWEEP_INTERVAL_NANOS);
    }

    @Override
    public Optional<StoredSession> load(String sessionId) {
        SessionIds.require(sessionId);
        sweepIfDue();
        return Optional.ofNullable(live(sessions.get(sessionId))).map(Entry::session);
    }

    @Override
    public StoredSession claim(String sessionId, String node, Duration ttl) {
        SessionIds.require(sessionId);
        long expiresAt = expiry(ttl);
        sweepIfDue();
        Entry claimed = sessions.compute(sessionId, (id, entry) -> {
            StoredSession current = live(entry) == null ? null : entry.session();
            StoredSession next = current == null
                    ? new StoredSession(id, 1, node, 0, new byte[0])
                    : new StoredSession(id, current.version() + 1, node, current.lastSeq(), current.snapshot());
            return new Entry(next, expiresAt);
        });
        return claimed.session();
    }

    @Override
    public boolean commit(StoredSession next, Duration ttl) {
        long expiresAt = expiry(ttl);
        sweepIfDue();
        boolean[] landed = {false};
        sessions.computeIfPresent(next.id(), (id, entry) -> {
            StoredSession current = live(entry) == null ? null : entry.session();
            if (current == null) {
                return null;
            }
            if (current.version() != next.version() - 1 || !current.owner().equals(next.owner())) {
                return entry;
            }
            landed[0] = true;
            return new Entry(next, expiresAt);
        });
        return landed[0];
    }

    @Override
    public boolean touch(String sessionId, Duration ttl) {
        SessionIds.require(sessionId);
        long expiresAt = expiry(ttl);
        Entry touched = sessions.computeIfPresent(sessionId,
                (id, entry) -> live(entry) == null ? null : new Entry(entry.session(), expiresAt));
        return touched != null;
    }

    @Override
    public boolean release(String sessionId, long version) {
        SessionIds.require(sessionId);
        boolean[] removed = {false};
        sessions.computeIfPresent(sessionId, (id, entry) -> {
            if (live(entry) != null && entry.session().version() != version) {
                return entry;
            }
            removed[0] = live(entry) != null;
            return null;
        });
        return removed[0];
    }

    /** Private to this JVM: written when the application stops, for its restart. */
    @Override
    public boolean isShared() {
        return false;
    }

    /** How many sessions are held, expired ones not yet swept included. */
    int size() {
        return sessions.size();
    }

    private Entry live(Entry entry) {
        return entry == null || nanoClock.getAsLong() - entry.expiresAt() >= 0 ? null : entry;
    }

    private long expiry(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A session's time to live is positive, not " + ttl + ".");
        }
        return nanoClock.getAsLong() + ttl.toNanos();
    }

    private void sweepIfDue() {
        long now = nanoClock.getAsLong();
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
            sessions.values().removeIf(entry -> live(entry) == null);
        }
    }
}
