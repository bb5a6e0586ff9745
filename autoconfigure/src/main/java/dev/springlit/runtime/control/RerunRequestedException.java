package dev.springlit.runtime.control;

/** Thrown by {@code st.rerun()}: the run ends here and a new one starts. */
public final class RerunRequestedException extends RunControl {

    public RerunRequestedException() {
        super("st.rerun() ended the run; a new run starts.");
    }
}
