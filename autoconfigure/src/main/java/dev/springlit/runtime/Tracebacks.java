package dev.springlit.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.springlit.element.ExceptionElement;

/** Turns a throwable into an exception element, leaving out the frames of the framework and the JDK's plumbing. */
final class Tracebacks {

    static final String REDACTED = "This app has encountered an error. The original error message is redacted "
            + "to prevent data leaks. Full error details have been recorded in the logs.";

    private static final String[] HIDDEN_PREFIXES = {
        "dev.springlit.runtime.", "dev.springlit.web.", "java.util.concurrent.", "java.lang.Thread.",
        "java.lang.VirtualThread.", "jdk.internal.", "java.lang.reflect.", "org.springframework.aop.",
        "org.springframework.cglib.", "sun.reflect.", "java.base/",
    };

    private Tracebacks() {
    }

    static ExceptionElement element(Throwable throwable, boolean showDetails) {
        if (!showDetails) {
            return new ExceptionElement(null, REDACTED, List.of());
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
