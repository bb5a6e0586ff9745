package dev.springlit.runtime.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@code streamlit.runner.max-session-state-size}: how large one session's state may grow, measured as Java
 * serialization writes each value (the way {@code enforce-serializable-session-state} already checks them, so
 * a limit implies that check). Uploaded files count as a reference only: their bytes have limits of their own.
 */
public final class StateSizeLimit {

    public static final StateSizeLimit NONE = new StateSizeLimit(0);

    private static final Log log = LogFactory.getLog(StateSizeLimit.class);
    private static final String PROPERTY = "streamlit.runner.max-session-state-size";
    /** How many of the largest values an error names. */
    private static final int NAMED = 3;

    private final long maxBytes;

    /** {@code maxBytes} 0 or less: no limit. */
    public StateSizeLimit(long maxBytes) {
        this.maxBytes = Math.max(0, maxBytes);
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /**
     * A put of a value that Java serialization writes in {@code size} bytes: throws when that alone is larger than the
     * limit; then it is not stored.
     */
    public void checkValue(String key, long size) {
        if (size > maxBytes) {
            throw new SessionStateTooLargeException("The value of \"" + key + "\" takes about " + size
                    + " bytes, more than " + PROPERTY + " (" + maxBytes + " bytes) allows for the whole SessionState; "
                    + "it was not stored.");
        }
    }

    /**
     * The end of a run: the error to show when the values, of the {@code sizes} given (each value's serialized
     * length), are larger than the limit together, else {@code null}.
     */
    public SessionStateTooLargeException checkTotal(Map<String, Long> sizes) {
        long total = 0;
        for (long size : sizes.values()) {
            total += size;
        }
        if (total <= maxBytes) {
            return null;
        }
        List<Map.Entry<String, Long>> largest = new ArrayList<>(sizes.entrySet());
        largest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder named = new StringBuilder();
        for (int i = 0; i < Math.min(NAMED, largest.size()); i++) {
            named.append(i == 0 ? "" : ", ").append('"').append(largest.get(i).getKey()).append("\" ")
                    .append(largest.get(i).getValue()).append(" bytes");
        }
        String message = "SessionState would hold about " + total + " bytes after this run, more than " + PROPERTY + " ("
                + maxBytes + " bytes); the run's changes to SessionState were not kept. The largest values: "
                + named + ". Remove or shrink values (clear old entries, keep big data in a cache or a database).";
        log.warn("Springlit " + message);
        return new SessionStateTooLargeException(message);
    }
}
