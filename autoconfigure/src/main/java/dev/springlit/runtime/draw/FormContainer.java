package dev.springlit.runtime.draw;

import dev.springlit.Form;
import dev.springlit.element.ElementPath;

/**
 * What {@code st.form(key)} returns: an St drawing into the form's block, whose widgets hold their values until
 * the form is submitted. Only the run thread that drew the form may use it.
 */
final class FormContainer extends DeltaGenerator implements Form {

    FormContainer(Owner session, ElementPath path, String key) {
        super(session, path, key);
    }

    @Override
    public String key() {
        return formKey();
    }

    @Override
    public void close() {
        // nothing to end: what a form holds is known when the run completes
    }
}
