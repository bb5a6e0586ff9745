package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Example 2: the button's {@code onClick} callback increments the count before the page reruns. */
@StreamlitPage(path = "/counter-callbacks", title = "Counter with callbacks", icon = "📞", order = 3, section = "Session state guide")
class CounterCallbacksPage implements Page {

    private final SessionState state;

    CounterCallbacksPage(SessionState state) {
        this.state = state;
    }

    private void incrementCounter() {
        state.put("count", state.getInt("count") + 1);
    }

    @Override
    public void render(St st) {
        st.title("Counter Example using Callbacks");
        state.setDefault("count", 0);
        st.button("Increment", b -> b.onClick(this::incrementCounter));
        st.write("Count = ", state.get("count"));
    }
}
