package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** A page left out of the sidebar: reachable by its path, a page link or switchPage. */
@StreamlitPage(path = "/hidden", title = "Hidden page", icon = "🙈", hidden = true)
class HiddenPage implements Page {

    @Override
    public void render(St st) {
        st.title("A hidden page");
        st.write("The sidebar does not list this page; a link brought you here, in the same session.");
        st.pageLink(NavigationPage.class, "Back to navigation", "🧭");
    }
}
