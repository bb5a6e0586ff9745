package dev.springlit.demo;

import java.util.Map;

import dev.springlit.CallbackArgs;
import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Example 3, kwargs variant: the callbacks get their step as a named argument. */
@StreamlitPage(path = "/counter-kwargs", title = "Counter with kwargs", icon = "🎛️", order = 4, section = "Session state guide")
class CounterKwargsPage implements Page {

    private final SessionState state;

    CounterKwargsPage(SessionState state) {
        this.state = state;
    }

    private void incrementCounter(CallbackArgs kwargs) {
        state.put("count", state.getInt("count") + kwargs.getInt("incrementValue", 0));
    }

    private void decrementCounter(CallbackArgs kwargs) {
        state.put("count", state.getInt("count") - kwargs.getInt("decrementValue", 0));
    }

    @Override
    public void render(St st) {
        st.title("Counter Example using Callbacks with kwargs");
        state.setDefault("count", 0);
        st.button("Increment", b -> b.onClick(this::incrementCounter).kwargs(Map.of("incrementValue", 5)));
        st.button("Decrement", b -> b.onClick(this::decrementCounter).kwargs(Map.of("decrementValue", 1)));
        st.write("Count = ", state.get("count"));
    }
}
