package dev.springlit.runtime.scope;

import dev.springlit.SessionState;

/**
 * A run as the session's scopes see it: its state and its session's beans. The run implements it and binds itself
 * as the {@link CurrentRun} of its thread while it executes.
 */
public interface ScopedRun {

    /** What {@code SessionState} means during this run. */
    SessionState state();

    /** The {@code @StreamlitSessionScope} beans of the run's session. */
    ScopedBeans sessionBeans();

    /** The id of the run's session (the scope's conversation id). */
    String sessionId();
}
