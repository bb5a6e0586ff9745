package dev.springlit;

/** How a widget shows its label: {@code o -> o.labelVisibility(LabelVisibility.HIDDEN)}. */
public enum LabelVisibility {
    /** The label is shown above the widget. */
    VISIBLE,
    /** The label is not shown but keeps its space, so widgets stay aligned. */
    HIDDEN,
    /** The label is not shown and takes no space. */
    COLLAPSED
}
