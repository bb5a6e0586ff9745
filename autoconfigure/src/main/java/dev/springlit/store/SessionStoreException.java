package dev.springlit.store;

/**
 * The session store could not do what was asked (Redis unreachable, a timeout, a script error). Nothing is known
 * to have been written; the caller may try again once the store is back.
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
