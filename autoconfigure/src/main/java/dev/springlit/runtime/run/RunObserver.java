package dev.springlit.runtime.run;

import dev.springlit.runtime.output.RunStatus;

/**
 * Hears what the runtime does, for metrics. Called on hot paths: implementations must be cheap and must not
 * throw. The default hears nothing.
 */
public interface RunObserver {

    RunObserver NONE = new RunObserver() {
    };

    /** A page run ended after {@code nanos}. */
    default void runEnded(RunStatus status, long nanos) {
    }

    /** A message of {@code chars} characters arrived from a tab. */
    default void messageIn(int chars) {
    }

    /** A message of {@code chars} characters was sent to a tab. */
    default void messageOut(int chars) {
    }

    /** A tab's message was refused with {@code code} (bad_message, unknown_widget, too_large, ...). */
    default void messageRejected(String code) {
    }

    /** A run of the page at {@code path} passed streamlit.runner.max-run-time and was interrupted. */
    default void runOvertime(String path) {
    }

    /** A run of the page at {@code path} ignored the interrupt and was abandoned (its thread may still be busy). */
    default void runAbandoned(String path) {
    }

    /** A background task ({@code flush}, {@code expire}, {@code deadlines}) failed; it keeps running. */
    default void housekeepingFailed(String task) {
    }
}
