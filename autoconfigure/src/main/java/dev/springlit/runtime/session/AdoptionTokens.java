package dev.springlit.runtime.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Single-use tokens, each standing for one value for a short while: a page's {@code GET} rendered a pending
 * session's first run into the shell, and the token in that shell is what lets the tab's {@code hello} adopt that
 * session. 128 random bits each, so a token cannot be guessed; taking one removes it, so it cannot be replayed.
 * Expired tokens are dropped as new ones are issued, so the map holds at most the tokens of the last lifetime.
 * <p>
 * Threading: any thread.
 */
public final class AdoptionTokens<T> {

    /** One generator per thread: a shared SecureRandom is a lock every new tab waits on. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    private static final int PURGE_EVERY = 64;

    private record Held<T>(T value, long expiresAt) {
    }

    private final Map<String, Held<T>> tokens = new ConcurrentHashMap<>();
    private final long lifetimeNanos;
    private final AtomicInteger issued = new AtomicInteger();

    public AdoptionTokens(Duration lifetime) {
        this.lifetimeNanos = lifetime.toNanos();
    }

    /** A new token for {@code value}, valid for the lifetime. */
    public String issue(T value) {
        long now = System.nanoTime();
        if (issued.incrementAndGet() % PURGE_EVERY == 0) {
            tokens.values().removeIf(held -> now - held.expiresAt >= 0);
        }
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, new Held<>(value, now + lifetimeNanos));
        return token;
    }

    /** The value of {@code token}, which is gone afterwards; empty when it is unknown, used or expired. */
    public Optional<T> take(String token) {
        Held<T> held = token == null ? null : tokens.remove(token);
        if (held == null || System.nanoTime() - held.expiresAt >= 0) {
            return Optional.empty();
        }
        return Optional.of(held.value);
    }

    /** How many tokens are held (expired ones not yet dropped included). */
    public int size() {
        return tokens.size();
    }
}
