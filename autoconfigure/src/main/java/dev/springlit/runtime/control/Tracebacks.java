package dev.springlit.runtime.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.element.ExceptionElement;

/**
 * Turns a throwable into an exception element, leaving out the frames of the framework and the JDK's plumbing.
 * With details hidden the element carries only a generic text and a reference; the full error goes to the log
 * under the same reference, so the visitor can quote it and the operator can find it.
 */
public final class Tracebacks {

    private static final Log log = LogFactory.getLog(Tracebacks.class);

    public static final String REDACTED = "This app has encountered an error. The original error message is redacted "
            + "to prevent data leaks. Full error details have been recorded in the logs.";

    private static final String[] HIDDEN_PREFIXES = {
        "dev.springlit.runtime.", "dev.springlit.web.", "java.util.concurrent.", "java.lang.Thread.",
        "java.lang.VirtualThread.", "jdk.internal.", "java.lang.reflect.", "org.springframework.aop.",
        "org.springframework.cglib.", "sun.reflect.", "java.base/",
    };

    private Tracebacks() {
    }

    /**
     * The element for an exception the page shows itself ({@code st.exception}) or that Springlit found; when
     * details are hidden the full error is logged here, under the reference the element shows.
     */
    public static ExceptionElement element(Throwable throwable, boolean showDetails) {
        if (showDetails) {
            return element(throwable, true, null);
        }
        String reference = ErrorReference.next();
        log.error("Springlit showed an error without its details (reference " + reference + ")", throwable);
        return element(throwable, false, reference);
    }

    /**
     * The element for an exception the caller has already logged under {@code reference}; the reference is shown
     * only in place of hidden details.
     */
    public static ExceptionElement element(Throwable throwable, boolean showDetails, String reference) {
        if (!showDetails) {
            return new ExceptionElement(null, REDACTED, List.of(), reference);
        }
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = throwable;
        boolean first = true;
        while (t != null && seen.add(t)) {
            if (!first) {
                lines.add("Caused by: " + t);
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                if (!hidden(frame)) {
                    lines.add("    at " + frame);
                }
            }
            first = false;
            t = t.getCause();
        }
        String message = throwable.getMessage() == null ? "" : throwable.getMessage();
        return new ExceptionElement(throwable.getClass().getName(), message, lines);
    }

    private static boolean hidden(StackTraceElement frame) {
        String cls = frame.getClassName();
        for (String prefix : HIDDEN_PREFIXES) {
            if (cls.startsWith(prefix) || cls.equals(prefix.substring(0, prefix.length() - 1))) {
                return true;
            }
        }
        return cls.contains("$$SpringCGLIB$$");
    }
}
