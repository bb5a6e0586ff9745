package dev.springlit.runtime.output;

import java.util.Locale;

/** How a run ended, as the browser and the metrics see it. */
public enum RunStatus {
    /** The page ran to its end. */
    OK,
    /** The page or a callback threw; an exception element was drawn. */
    ERROR,
    /** {@code st.stop()} ended it. */
    STOPPED,
    /** {@code st.rerun()} ended it; another run follows. */
    RERUN,
    /** A newer interaction replaced it; its state changes were discarded. */
    INTERRUPTED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used on the wire. */
    public String wireName() {
        return wireName;
    }
}
