package dev.springlit.element;

/**
 * A value shown as JSON.
 *
 * @param json     the value, already written as indented JSON text
 * @param expanded whether it starts unfolded (it can be folded and unfolded in the browser)
 */
public record Json(String json, boolean expanded) implements Element {

    /** Unfolded JSON, as {@code st.write} shows maps and lists. */
    public Json(String json) {
        this(json, true);
    }

    @Override
    public String kind() {
        return "json";
    }
}
