package dev.springlit.store;

/**
 * The shape of a session id a store accepts: what {@code Session} generates (URL-safe Base64) and nothing a
 * hostile client could use to reach other keys or smuggle control characters into a backend or a log.
 */
final class SessionIds {

    private static final int MAX_LENGTH = 128;

    private SessionIds() {
    }

    static String require(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A session id has 1 to " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                // the id itself is a secret and possibly hostile: say what is wrong, not what it was
                throw new IllegalArgumentException("A session id consists of letters, digits, '-' and '_' only.");
            }
        }
        return id;
    }
}
