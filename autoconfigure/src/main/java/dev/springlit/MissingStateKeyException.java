package dev.springlit;

import java.util.NoSuchElementException;

/**
 * Thrown when {@link SessionState} has no value for a key, with Streamlit's hint:
 * {@code SessionState has no key "value". Did you forget to initialize it?}
 */
public class MissingStateKeyException extends NoSuchElementException {

    private final String key;

    public MissingStateKeyException(String key) {
        super("SessionState has no key \"" + key + "\". Did you forget to initialize it? "
                + "Use state.setDefault(\"" + key + "\", value) before reading it.");
        this.key = key;
    }

    /** The key that was missing. */
    public String key() {
        return key;
    }
}
