package dev.springlit.demo;

import java.util.function.Function;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** The guide's serializable-state example: a function refused because the demo enforces serializable state. */
@StreamlitPage(path = "/serializable", title = "Serializable state", icon = "📦", order = 20, section = "More")
class SerializablePage implements Page {

    private final SessionState state;

    SerializablePage(SessionState state) {
        this.state = state;
    }

    private static Function<Object, Object> unserializableData() {
        return x -> x;
    }

    @Override
    public void render(St st) {
        st.title("Serializable Session State");
        st.markdown("This demo app sets `streamlit.runner.enforce-serializable-session-state=true` in its "
                + "`application.properties`, so only values that Java serialization can write may enter `SessionState`. "
                + "The page below stores a function, as the guide's example does, and is refused at once:");
        st.code("state.put(\"unserializable\", unserializableData());", "java");
        // results in an exception when enforce-serializable-session-state is on
        state.put("unserializable", unserializableData());
    }
}
