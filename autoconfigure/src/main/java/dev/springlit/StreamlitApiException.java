package dev.springlit;

/**
 * A page used the API in a way it does not allow, such as two widgets with the same key. Shown in the
 * page like any exception; Streamlit's {@code StreamlitAPIException}.
 */
public class StreamlitApiException extends RuntimeException {

    public StreamlitApiException(String message) {
        super(message);
    }
}
