package dev.springlit;

/** A button's emphasis: {@code b -> b.type(ButtonType.PRIMARY)}. */
public enum ButtonType {
    PRIMARY,
    SECONDARY,
    TERTIARY
}
