package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Two inputs kept in step: each one's callback writes the other one's key. */
@StreamlitPage(path = "/linked-units", title = "Linked units", icon = "🔗", order = 7, section = "Widgets")
class LinkedUnitsPage implements Page {

    private final SessionState state;

    LinkedUnitsPage(SessionState state) {
        this.state = state;
    }

    private void celsiusChanged() {
        state.put("fahrenheit", Math.round((state.getDouble("celsius") * 9 / 5 + 32) * 100) / 100.0);
    }

    private void fahrenheitChanged() {
        state.put("celsius", Math.round((state.getDouble("fahrenheit") - 32) * 5 / 9 * 100) / 100.0);
    }

    @Override
    public void render(St st) {
        st.title("Linked units");
        st.caption("Change either temperature: its callback sets the other one through session state.");
        state.setDefault("celsius", 20.0);
        state.setDefault("fahrenheit", 68.0);
        st.numberInput("Celsius", 20.0, o -> o.key("celsius").step(1.0).onChange(this::celsiusChanged));
        st.numberInput("Fahrenheit", 68.0, o -> o.key("fahrenheit").step(1.0).onChange(this::fahrenheitChanged));
    }
}
