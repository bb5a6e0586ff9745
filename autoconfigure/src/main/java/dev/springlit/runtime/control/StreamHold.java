package dev.springlit.runtime.control;

/**
 * Streaming survives interaction [S11.3]: once a run starts {@code st.writeStream}, a newer interaction no longer
 * interrupts it. The newer request waits in the session's queue and runs right after, on the state this run
 * commits, so the streamed answer is kept (the page appends it to its history) and the model is not asked again
 * by a replay. Stop, the run deadline and the session's end still interrupt the run (they do not ask this hold).
 *
 * <p>The cost: from its first stream on, a run finishes even when the user moved on; an interaction made meanwhile
 * is applied only when it has. Threads: the session's queue calls {@link #supersede} under its lock, the run
 * thread {@link #begin}; both are synchronized here, so exactly one of "interrupted" and "held" happens.
 */
public final class StreamHold {

    private boolean superseded;
    private boolean holding;

    /** The run thread enters a stream: false when a newer interaction already superseded the run. */
    public synchronized boolean begin() {
        if (holding) {
            return true; // a second stream in the same run: the run already holds, whatever came meanwhile
        }
        if (superseded) {
            return false;
        }
        holding = true;
        return true;
    }

    /** A newer interaction supersedes the run: true when it should be interrupted, false while it streams. */
    public synchronized boolean supersede() {
        superseded = true;
        return !holding;
    }
}
