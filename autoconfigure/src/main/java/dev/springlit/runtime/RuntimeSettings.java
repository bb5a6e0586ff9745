package dev.springlit.runtime;

import java.time.Duration;

/**
 * The runtime's switches, taken from {@code streamlit.*} configuration.
 *
 * @param enforceSerializableSessionState only Java-serializable values may enter session state
 * @param showErrorDetails                exceptions show type, message and stack in the page
 * @param widgetStateDuplicationWarning   warn when a widget has a default and a value set through state
 * @param disconnectedSessionTtl          how long a session without a tab is kept
 * @param maxSessions                     how many sessions may exist at once
 * @param virtualThreads                  run pages on virtual threads (JDK 21+), as Spring Boot's
 *                                        {@code spring.threads.virtual.enabled} asks; else a bounded pool
 */
public record RuntimeSettings(boolean enforceSerializableSessionState, boolean showErrorDetails,
                              boolean widgetStateDuplicationWarning, Duration disconnectedSessionTtl,
                              int maxSessions, boolean virtualThreads) {

    /** Settings with runs on the bounded pool of platform threads. */
    public RuntimeSettings(boolean enforceSerializableSessionState, boolean showErrorDetails,
                           boolean widgetStateDuplicationWarning, Duration disconnectedSessionTtl, int maxSessions) {
        this(enforceSerializableSessionState, showErrorDetails, widgetStateDuplicationWarning, disconnectedSessionTtl,
                maxSessions, false);
    }

    /** The defaults, as in Streamlit. */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(false, true, true, Duration.ofSeconds(120), 10_000);
    }
}
