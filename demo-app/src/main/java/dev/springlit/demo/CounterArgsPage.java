package dev.springlit.demo;

import dev.springlit.CallbackArgs;
import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Example 3 with args: the button's callback gets the number typed above it, bound when the button is drawn. */
@StreamlitPage(path = "/counter-args", title = "Counter with args", icon = "➕", order = 5, section = "Session state guide")
class CounterArgsPage implements Page {

    private final SessionState state;

    CounterArgsPage(SessionState state) {
        this.state = state;
    }

    private void incrementCounter(CallbackArgs args) {
        state.put("count", state.getInt("count") + args.getInt(0));
    }

    @Override
    public void render(St st) {
        st.title("Counter Example using Callbacks with args");
        state.setDefault("count", 0);
        int incrementValue = st.numberInput("Enter a value", 0, o -> o.step(1));
        st.button("Increment", b -> b.onClick(this::incrementCounter).args(incrementValue));
        st.write("Count = ", state.get("count"));
    }
}
