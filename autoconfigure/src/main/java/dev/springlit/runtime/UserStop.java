package dev.springlit.runtime;

/**
 * The user's Stop (the {@code stop} message, docs/protocol.md): it ends the running run as {@code st.stop()} would,
 * at its next {@code St} or {@code SessionState} call, and wakes it when it waits (a stream's next chunk). What the
 * run drew stays, its state is committed like any stopped run's, and unlike a superseded run it is not replayed.
 * A stream ends at once, on purpose: this is not an interaction the stream waits for (see {@link StreamHold}).
 */
final class UserStop {

    private volatile boolean requested;

    void request() {
        requested = true;
    }

    boolean isRequested() {
        return requested;
    }

    /** Throws {@link StopRunException} once the user asked to stop. */
    void check() {
        if (requested) {
            throw new StopRunException();
        }
    }
}
