package dev.springlit.runtime;

/** Thrown by {@code st.rerun()}: the run ends here and a new one starts. */
public final class RerunRequestedException extends RunControl {

    RerunRequestedException() {
        super("st.rerun() ended the run; a new run starts.");
    }
}
