package dev.springlit.runtime.session;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * New session ids: 128 random bits, URL-safe. The id is also what authorizes a tab's uploads and reconnects, so it
 * is never logged (see {@link SessionTag}). Thread-safe: one generator per thread, because a shared
 * {@code SecureRandom} is a lock every new tab would wait on.
 */
final class SessionIds {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private SessionIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
