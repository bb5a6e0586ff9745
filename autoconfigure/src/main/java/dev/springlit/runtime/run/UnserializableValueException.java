package dev.springlit.runtime.run;

import dev.springlit.StreamlitApiException;

/**
 * A value that Java serialization cannot write was put into session state while
 * {@code streamlit.runner.enforce-serializable-session-state} is on.
 */
public final class UnserializableValueException extends StreamlitApiException {

    UnserializableValueException(String key, Object value) {
        super("Cannot serialize the value (of type " + typeName(value) + ") of \"" + key
                + "\" in SessionState. Springlit has been configured to use Java serialization for SessionState "
                + "values. Please convert the value to a serializable type.");
    }

    /** A lambda's class name means nothing to a user; the interface it implements does. */
    private static String typeName(Object value) {
        Class<?> type = value.getClass();
        if ((type.isSynthetic() || type.getName().contains("$$Lambda")) && type.getInterfaces().length > 0) {
            return type.getInterfaces()[0].getName();
        }
        return type.getName();
    }
}
