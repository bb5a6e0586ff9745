package dev.springlit.demo;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import dev.springlit.Form;
import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Example 4: a form batches the time and the value; its submit callback updates the count and the time. */
@StreamlitPage(path = "/counter-form", title = "Counter with a form", icon = "📝", order = 10, section = "Session state guide")
class CounterFormPage implements Page {

    private final SessionState state;

    CounterFormPage(SessionState state) {
        this.state = state;
    }

    private void updateCounter() {
        state.put("count", state.getInt("count") + state.getInt("increment_value"));
        state.put("last_updated", state.get("update_time"));
    }

    @Override
    public void render(St st) {
        st.title("Counter Example");
        // each key on its own: "count" may already exist, set by the Counter page of the same tab
        state.setDefault("count", 0);
        state.setDefault("last_updated", LocalTime.of(0, 0));
        try (Form form = st.form("my_form")) {
            form.timeInput("Enter the time", o -> o.value(LocalTime.now().truncatedTo(ChronoUnit.MINUTES))
                    .key("update_time"));
            form.numberInput("Enter a value", 0, o -> o.step(1).key("increment_value"));
            form.formSubmitButton("Update", b -> b.onClick(this::updateCounter));
        }
        st.write("Current Count = ", state.get("count"));
        st.write("Last Updated = ", state.get("last_updated"));
    }
}
