package dev.springlit.runtime.control;

/**
 * Ends a run early without being an error: {@code st.stop()}, {@code st.rerun()} or an interruption. It
 * carries no stack trace because it is control flow, thrown on every interrupted run.
 */
public abstract sealed class RunControl extends RuntimeException
        permits RunInterruptedException, StopRunException, RerunRequestedException {

    RunControl(String message) {
        super(message, null, false, false);
    }
}
