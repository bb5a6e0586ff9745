package dev.springlit.runtime.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the log says instead of a session id. The id is an anonymous tab's only credential (it authorizes
 * reconnects and uploads), so it must never reach a log file; the tag is the first 8 hex digits of its SHA-256:
 * enough to follow one session through the log, and no help in guessing the id (128 random bits).
 */
public final class SessionTag {

    private SessionTag() {
    }

    /** The tag of a session id, such as {@code 3fa9c012}; {@code -} for none. */
    public static String of(String sessionId) {
        if (sessionId == null) {
            return "-";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
