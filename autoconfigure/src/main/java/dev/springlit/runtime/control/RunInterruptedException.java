package dev.springlit.runtime.control;

/**
 * Thrown into a run that a newer interaction has replaced: from then on the old run can neither read nor
 * write session state. The new run starts with the merged values, so nothing the user did is lost.
 */
public final class RunInterruptedException extends RunControl {

    public RunInterruptedException() {
        super("This run was interrupted by a newer interaction; a new run replaces it.");
    }
}
