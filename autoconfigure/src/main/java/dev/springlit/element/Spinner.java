package dev.springlit.element;

/**
 * A spinning indicator with a message, shown while a slow step of the page runs.
 *
 * @param text the message
 */
public record Spinner(String text) implements Element {

    @Override
    public String kind() {
        return "spinner";
    }
}
