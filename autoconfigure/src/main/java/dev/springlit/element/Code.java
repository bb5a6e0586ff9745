package dev.springlit.element;

/**
 * A code block.
 *
 * @param code     the code, shown verbatim
 * @param language a language tag such as {@code "java"}, or {@code null}
 */
public record Code(String code, String language) implements Element {

    @Override
    public String kind() {
        return "code";
    }
}
