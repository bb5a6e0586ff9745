package dev.springlit.store;

/**
 * The data stored under a session id is not a session Springlit can read: written by something else, by an
 * incompatible version, tampered with, or naming a class outside the deserialization allow-list. Nothing of it
 * was instantiated beyond allowed value types; the session should start fresh. The message says why, never
 * what the data was.
 *
 * <pre>{@code
 * SessionSnapshot snapshot;
 * try {
 *     snapshot = codec.decode(stored.snapshot());
 * } catch (UnreadableSessionException e) {
 *     snapshot = SessionSnapshot.empty(); // logged by the codec already
 * }
 * }</pre>
 */
public class UnreadableSessionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableSessionException(String message) {
        super(message);
    }

    public UnreadableSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
