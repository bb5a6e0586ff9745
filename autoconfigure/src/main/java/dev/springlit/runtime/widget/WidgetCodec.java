package dev.springlit.runtime.widget;

/**
 * How one widget's value travels: from the browser's wire format to Java ({@link #decode}, validating),
 * from Java to the wire ({@link #encode}), and how a value found in session state is checked against the
 * widget's type and options ({@link #coerce}).
 *
 * @param <T> the widget's Java value type
 */
public interface WidgetCodec<T> extends ValueDecoder {

    /** The browser's value as Java; throws {@link IllegalArgumentException} saying what was expected. */
    @Override
    T decode(Object wire);

    /** The value as the browser shows it. */
    Object encode(T value);

    /**
     * A value from session state as this widget's type; throws {@link dev.springlit.StreamlitApiException}
     * when it cannot be one (a string for a number, a value that is not among the options).
     */
    T coerce(Object stateValue, String widgetName);
}
