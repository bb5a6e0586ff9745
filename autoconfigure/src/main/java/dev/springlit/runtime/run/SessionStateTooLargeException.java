package dev.springlit.runtime.run;

import dev.springlit.StreamlitApiException;

/**
 * Session state would pass {@code streamlit.runner.max-session-state-size}: a put of a value larger than the
 * limit (the value is not stored), or a run that ends with more state than the limit (its changes to
 * SessionState are not kept).
 */
public final class SessionStateTooLargeException extends StreamlitApiException {

    SessionStateTooLargeException(String message) {
        super(message);
    }
}
