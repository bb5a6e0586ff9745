package dev.springlit.runtime.control;

/** Thrown by {@code st.stop()}: the run ends here, keeping what it drew. */
public final class StopRunException extends RunControl {

    public StopRunException() {
        super("st.stop() ended the run.");
    }
}
