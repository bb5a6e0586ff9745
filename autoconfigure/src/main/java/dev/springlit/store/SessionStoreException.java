package dev.springlit.store;

/**
 * The session store could not do what was asked (Redis unreachable, a timeout, a script error). Whether a write
 * that failed this way happened is unknown (a timed-out command may still run), but it happened whole or not at
 * all: claim the session again before committing once the store is back.
 *
 * <pre>{@code
 * try {
 *     store.commit(next, ttl);
 * } catch (SessionStoreException e) {
 *     tab.showError("Your session could not be saved; retrying.");
 * }
 * }</pre>
 */
public class SessionStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
