package dev.springlit.runtime;

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
}
