package dev.springlit.runtime.widget;

/**
 * Turns a value as the browser sent it (a JSON string, number, boolean, list or null already read into
 * Java) into the widget's Java type, or throws {@link IllegalArgumentException} saying what was expected.
 */
@FunctionalInterface
public interface ValueDecoder {

    Object decode(Object raw);
}
