package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Example 1: the count lives in session state, so it survives reruns. */
@StreamlitPage(path = "/counter", title = "Counter", icon = "🔢", order = 2, section = "Session state guide")
class CounterPage implements Page {

    private final SessionState state;

    CounterPage(SessionState state) {
        this.state = state;
    }

    @Override
    public void render(St st) {
        st.title("Counter Example");
        state.setDefault("count", 0);
        boolean increment = st.button("Increment");
        if (increment) {
            state.put("count", state.getInt("count") + 1);
        }
        st.write("Count = ", state.get("count"));
    }
}
