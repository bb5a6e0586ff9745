package dev.springlit;

/** Options of {@code st.checkbox} and {@code st.toggle}: {@code o -> o.value(true).key("agree")}. */
public final class CheckboxOptions extends ValueWidgetOptions<CheckboxOptions, Boolean> {
}
