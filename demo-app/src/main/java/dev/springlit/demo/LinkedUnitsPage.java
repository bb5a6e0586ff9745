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

    private static double toFahrenheit(double celsius) {
        return Math.round((celsius * 9 / 5 + 32) * 100) / 100.0;
    }

    private static double toCelsius(double fahrenheit) {
        return Math.round((fahrenheit - 32) * 5 / 9 * 100) / 100.0;
    }

    private void celsiusChanged() {
        state.put("fahrenheit", toFahrenheit(state.getDouble("celsius")));
    }

    private void fahrenheitChanged() {
        state.put("celsius", toCelsius(state.getDouble("fahrenheit")));
    }

    @Override
    public void render(St st) {
        st.title("Linked units");
        st.caption("Change either temperature: its callback sets the other one through session state.");
        // "celsius" is shared with the Celsius slider page: Fahrenheit follows it when that page changed it.
        double celsius = state.setDefault("celsius", 20.0);
        if (!state.contains("fahrenheit") || Math.abs(toCelsius(state.getDouble("fahrenheit")) - celsius) > 0.01) {
            state.put("fahrenheit", toFahrenheit(celsius));
        }
        // no starting value of their own: state holds them (S4.7, no "default value and SessionState" warning)
        st.numberInput("Celsius", Double.class, o -> o.key("celsius").step(1.0).onChange(this::celsiusChanged));
        st.numberInput("Fahrenheit", Double.class, o -> o.key("fahrenheit").step(1.0).onChange(this::fahrenheitChanged));
    }
}
