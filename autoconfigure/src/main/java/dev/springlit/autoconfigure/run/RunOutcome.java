package dev.springlit.autoconfigure.run;

import dev.springlit.runtime.control.RerunRequestedException;
import dev.springlit.runtime.control.RunInterruptedException;
import dev.springlit.runtime.control.StopRunException;

/** How page code ended, as observations and logs name it. */
enum RunOutcome {
    OK, STOPPED, RERUN, INTERRUPTED, ERROR;

    /** The outcome of page code that threw {@code thrown}: Springlit's run control, or the page's own failure. */
    static RunOutcome of(Throwable thrown) {
        if (thrown instanceof StopRunException) {
            return STOPPED;
        }
        if (thrown instanceof RerunRequestedException) {
            return RERUN;
        }
        if (thrown instanceof RunInterruptedException || thrown instanceof InterruptedException) {
            return INTERRUPTED;
        }
        return ERROR;
    }

    /** The tag value: {@code ok}, {@code error}, ... */
    String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
