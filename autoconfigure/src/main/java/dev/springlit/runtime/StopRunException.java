package dev.springlit.runtime;

/** Thrown by {@code st.stop()}: the run ends here, keeping what it drew. */
public final class StopRunException extends RunControl {

    StopRunException() {
        super("st.stop() ended the run.");
    }
}
