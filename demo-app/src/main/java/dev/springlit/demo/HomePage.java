package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Explains the demo and links to each example. */
@StreamlitPage(path = "/", title = "Home", icon = "🏠", order = 0)
class HomePage implements Page {

    @Override
    public void render(St st) {
        st.title("Springlit demo");
        st.markdown("""
                Streamlit's *Add statefulness to apps* guide, page by page, in Java. Every click reruns the page \
                from top to bottom; `SessionState` keeps values between runs, one set per browser tab.
                """);
        st.markdown("""
                - [Naive counter](/naive-counter): a local variable starts fresh on every run, so the count stays at 1.
                - [Counter](/counter): Example 1, the count lives in session state.
                - [Counter with callbacks](/counter-callbacks): Example 2, `onClick` runs before the page.
                - [Counter with kwargs](/counter-kwargs): Example 3's kwargs variant, +5 and −1.
                - [Counter with args](/counter-args): Example 3, the typed value is the callback's argument.
                - [Celsius slider](/celsius): a slider linked to the state key `celsius`.
                - [Linked units](/linked-units): Celsius and Fahrenheit inputs kept in step by callbacks.
                - [Button state error](/button-state-error): a button's value cannot be set through state.
                - [Widget gallery](/widgets): every input widget and its value.
                - [Counter with a form](/counter-form): Example 4, a form and its submit callback.
                - [Form that clears](/form-clear): a to-do form that empties itself after each submit.
                - [Serializable state](/serializable): with enforce-serializable-session-state on, a function is refused.
                - [Pages and query parameters](/navigation): page links, switchPage and the address bar.
                - [Sales dashboard](/dashboard): filters, metrics, charts, a sortable table, a cached service.
                - [Chat](/chat): chat messages, a chat input and an answer streamed by a model bean.
                - [Fragments and dialogs](/fragments): a chart that refreshes itself, a filter that reruns alone, dialogs.
                """);
        st.caption("Open a second tab: it has its own count. Refresh this one: it keeps its count.");
    }
}
