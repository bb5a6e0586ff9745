package dev.springlit.demo;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A page for administrators only: {@code roles = "ADMIN"} leaves it out of the sidebar of everyone else and refuses
 * their navigation, switchPage and GET. The demo has no logins, so nobody sees it.
 */
@StreamlitPage(path = "/admin", title = "Administration", icon = "🔑", order = 23, section = "More", roles = "ADMIN")
class AdminPage implements Page {

    @Override
    public void render(St st) {
        st.title("Administration");
        st.write("Only users with the ADMIN role see this page.");
    }
}
