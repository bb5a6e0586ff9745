package dev.springlit.element;

/**
 * A value shown as JSON.
 *
 * @param json the value, already written as indented JSON text
 */
public record Json(String json) implements Element {

    @Override
    public String kind() {
        return "json";
    }
}
