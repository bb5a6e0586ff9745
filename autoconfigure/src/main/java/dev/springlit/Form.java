package dev.springlit;

/**
 * A form: widgets drawn into it send nothing until its submit button is clicked, then all at once
 * (Streamlit's {@code st.form}). Use it as a variable, with try-with-resources, or with a lambda.
 *
 * <pre>{@code
 * try (Form form = st.form("my_form")) {
 *     form.timeInput("Enter the time", o -> o.key("update_time"));
 *     form.numberInput("Enter a value", 0, o -> o.step(1).key("increment_value"));
 *     form.formSubmitButton("Update", b -> b.onClick(this::updateCounter));
 * }
 * }</pre>
 *
 * Only the submit button may have a callback; forms cannot be nested.
 */
public interface Form extends St, AutoCloseable {

    /** The form's key. */
    String key();

    /** Ends the {@code try} block; nothing else (a form without a submit button is reported at the end of the run). */
    @Override
    void close();
}
