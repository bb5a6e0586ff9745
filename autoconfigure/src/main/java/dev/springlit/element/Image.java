package dev.springlit.element;

/**
 * A picture.
 *
 * @param src     a {@code data:} URL with the bytes, or an http(s) or same-site URL
 * @param caption text under it, or {@code null}
 * @param width   its width in pixels, or {@code null} for the container's width at most
 */
public record Image(String src, String caption, Integer width) implements Element {

    @Override
    public String kind() {
        return "image";
    }
}
