package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** The guide's widget-state example: the slider's value is the state entry under its key. */
@StreamlitPage(path = "/celsius", title = "Celsius slider", icon = "🌡️", order = 6, section = "Widgets")
class CelsiusPage implements Page {

    private final SessionState state;

    CelsiusPage(SessionState state) {
        this.state = state;
    }

    @Override
    public void render(St st) {
        st.title("Session State and Widget State association");
        if (!state.contains("celsius")) {
            // set the initial default value of the slider widget
            state.put("celsius", 50.0);
        }
        st.slider("Temperature in Celsius", -100.0, 100.0, o -> o.key("celsius"));
        // This will get the value of the slider widget
        st.write(state.get("celsius"));
    }
}
