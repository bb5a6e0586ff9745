package dev.springlit.element;

/** A horizontal rule. */
public record Divider() implements Element {

    @Override
    public String kind() {
        return "divider";
    }
}
