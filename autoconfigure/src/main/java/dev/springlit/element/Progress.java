package dev.springlit.element;

/**
 * A progress bar.
 *
 * @param percent how far, 0 to 100
 * @param text    text above it (inline Markdown), or {@code null}
 */
public record Progress(int percent, String text) implements Element {

    @Override
    public String kind() {
        return "progress";
    }
}
