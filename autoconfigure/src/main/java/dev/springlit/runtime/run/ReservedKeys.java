package dev.springlit.runtime.run;

import java.util.Objects;

import dev.springlit.StreamlitApiException;

/**
 * S3.2: keys beginning with {@code $$} belong to Springlit. Reading, writing or removing one fails with the same
 * message, so a user is never pointed at a key (through "use setDefault") that they may not use.
 */
public final class ReservedKeys {

    private static final String PREFIX = "$$";

    private ReservedKeys() {
    }

    /** @throws StreamlitApiException {@code Keys beginning with $$ are reserved.} for a reserved key */
    public static void refuse(String key) {
        Objects.requireNonNull(key, "key");
        if (key.startsWith(PREFIX)) {
            throw new StreamlitApiException("Keys beginning with $$ are reserved.");
        }
    }
}
