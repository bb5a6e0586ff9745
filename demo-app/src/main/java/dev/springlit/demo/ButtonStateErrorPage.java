package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** The guide's counter-example: a button's value cannot be set through session state. */
@StreamlitPage(path = "/button-state-error", title = "Button state error", icon = "⛔", order = 8, section = "Widgets")
class ButtonStateErrorPage implements Page {

    private final SessionState state;

    ButtonStateErrorPage(SessionState state) {
        this.state = state;
    }

    @Override
    public void render(St st) {
        st.title("Setting a button through session state");
        st.caption("Streamlit does not allow setting the value of a button through session state; neither do we.");
        if (!state.contains("my_button")) {
            state.put("my_button", true);
        }
        st.button("Submit", b -> b.key("my_button"));
    }
}
