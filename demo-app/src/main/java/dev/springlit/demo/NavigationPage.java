package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.QueryParams;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Moving between pages in one session: links, switchPage, and query parameters in the address bar. */
@StreamlitPage(path = "/navigation", title = "Pages and query parameters", icon = "🧭", order = 21, section = "More")
class NavigationPage implements Page {

    private final SessionState state;

    NavigationPage(SessionState state) {
        this.state = state;
    }

    @Override
    public void render(St st) {
        st.title("Pages and query parameters");
        state.setDefault("count", 0);
        st.write("The counter pages share this session's count:", state.get("count"));
        st.pageLink(CounterPage.class, "Open the counter", "🔢");
        st.pageLink(HiddenPage.class, "Open a page the sidebar does not list", "🙈");
        if (st.button("Switch to the counter with switchPage")) {
            st.switchPage(CounterPage.class);
        }
        QueryParams query = st.queryParams();
        if (st.button("Put ?name=Ada in the address bar")) {
            query.set("name", "Ada");
        }
        if (st.button("Clear the query parameters")) {
            query.clear();
        }
        st.write("name =", query.get("name") == null ? "(not set)" : query.get("name"));
        st.write("tags =", String.join(", ", query.getAll("tag")));
    }
}
