package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** The guide's first script: a plain local variable, which every rerun starts again at 0. */
@StreamlitPage(path = "/naive-counter", title = "Naive counter", icon = "0️⃣", order = 1, section = "Session state guide")
class NaiveCounterPage implements Page {

    @Override
    public void render(St st) {
        st.title("Counter Example");
        st.caption("Every click reruns this page from the top, so `count` starts at 0 again each time: "
                + "it can never get past 1. The next page keeps it in session state instead.");
        int count = 0;
        boolean increment = st.button("Increment");
        if (increment) {
            count += 1;
        }
        st.write("Count = ", count);
    }
}
