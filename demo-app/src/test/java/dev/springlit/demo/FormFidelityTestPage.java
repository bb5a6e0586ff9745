package dev.springlit.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;
import dev.springlit.UploadedFile;

/**
 * A test-only page for S6.1 and S6.2 in the browser: a form whose first submit button is disabled, one whose
 * first is enabled, and a clear-on-submit form that reports what it saved. Present only where
 * {@code springlit-test.form-page=true}.
 */
@StreamlitPage(path = "/test-forms", title = "Forms (test)")
@ConditionalOnProperty(name = "springlit-test.form-page", havingValue = "true")
class FormFidelityTestPage implements Page {

    private final SessionState state;

    FormFidelityTestPage(SessionState state) {
        this.state = state;
    }

    @Override
    public void render(St st) {
        state.setDefault("submits", 0);
        st.form("locked", o -> { }, form -> {
            form.textInput("Note", o -> o.key("note"));
            boolean first = form.formSubmitButton("Send", b -> b.disabled(true));
            boolean second = form.formSubmitButton("Also send");
            if (first || second) {
                state.put("submits", state.getInt("submits") + 1);
            }
        });
        st.form("open", o -> { }, form -> {
            form.numberInput("Amount", Integer.class, o -> o.key("amount"));
            form.formSubmitButton("Go");
        });
        st.form("saving", o -> o.clearOnSubmit(true), form -> {
            String name = form.textInput("Name", o -> o.key("name"));
            UploadedFile attachment = form.fileUploader("Attachment");
            if (form.formSubmitButton("Save")) {
                st.success("Saved " + name + (attachment == null ? " without a file" : " with " + attachment.name()));
            }
        });
        st.button("Refresh");
        st.write("submits=" + state.get("submits") + " amount=" + state.get("amount") + " v=[" + state.get("name") + "]");
    }
}
