package dev.springlit;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Lets code outside a run, such as a background task, change a tab's session safely: the change runs on
 * the session's own runner, between runs, and may be followed by a rerun so the page shows it.
 *
 * <pre>{@code
 * SessionHandle tab = st.session();
 * executor.submit(() -> {
 *     var report = service.slowReport();
 *     tab.update(state -> state.put("report", report), true);
 * });
 * }</pre>
 */
public interface SessionHandle {

    /** The session's id (random, 128 bits). */
    String id();

    /**
     * Runs {@code change} with the session's state bound, between runs; then reruns the page when
     * {@code rerun} is true. The future completes when the change has run, and fails if the session is gone.
     */
    CompletableFuture<Void> update(Consumer<SessionState> change, boolean rerun);

    /** Asks the session to rerun its page, as a user interaction would (without a widget change). */
    void requestRerun();

    /** Whether the session still exists (it ends when its tab has been gone longer than the TTL). */
    boolean isAlive();
}
