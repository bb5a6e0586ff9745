package dev.springlit.element;

/**
 * A button. Clicking it sends a trigger for {@code id}.
 *
 * @param id                the widget id the browser sends back
 * @param label             the label (Markdown without block elements, escaped)
 * @param help              tooltip, or {@code null}
 * @param disabled          whether it can be clicked
 * @param type              "primary", "secondary" or "tertiary"
 * @param icon              an emoji before the label, or {@code null}
 * @param useContainerWidth whether it spans the container
 */
public record Button(String id, String label, String help, boolean disabled, String type, String icon,
                     boolean useContainerWidth) implements Element {

    @Override
    public String kind() {
        return WidgetKind.BUTTON.wireName();
    }
}
