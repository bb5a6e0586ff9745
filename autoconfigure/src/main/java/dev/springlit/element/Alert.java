package dev.springlit.element;

import java.util.Locale;

/**
 * A coloured message box ({@code st.error}, {@code st.warning}, {@code st.info}, {@code st.success}).
 *
 * @param level how the box is coloured
 * @param body  the message, as Markdown
 */
public record Alert(Level level, String body) implements Element {

    /** The colour of an alert. */
    public enum Level {
        ERROR, WARNING, INFO, SUCCESS;

        /** The lower-case name used in CSS classes. */
        public String cssName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String kind() {
        return "alert";
    }
}
