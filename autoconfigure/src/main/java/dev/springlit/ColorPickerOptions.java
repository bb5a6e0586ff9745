package dev.springlit;

/** Options of {@code st.colorPicker}: {@code o -> o.value("#ff4b4b")}; starts at black. */
public final class ColorPickerOptions extends ValueWidgetOptions<ColorPickerOptions, String> {
}
