package dev.springlit.demo;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import dev.springlit.Context;
import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;
import dev.springlit.User;

/**
 * Who and where: {@code st.user()} and {@code st.context()}. The demo runs without Spring Security, so every
 * visitor is anonymous and the admin page, which asks for the ADMIN role, is listed for nobody; with the
 * {@code oidc} Maven profile it has logins ("Log in", "Log out") through an in-process OpenID Connect provider.
 */
@StreamlitPage(path = "/profile", title = "Who and where", icon = "🪪", order = 22, section = "More")
class ProfilePage implements Page {

    /** Whether the demo runs with logins (the {@code oidc} Maven profile, see README). */
    private final boolean login;

    ProfilePage(@org.springframework.beans.factory.annotation.Value("${demo.login:false}") boolean login) {
        this.login = login;
    }

    @Override
    public void render(St st) {
        st.title("Who and where");
        User user = st.user();
        st.header("st.user()");
        if (user.isLoggedIn()) {
            st.write("Logged in as **" + user.name() + "**", user.email().map(e -> " (" + e + ")").orElse(""));
            st.write("Roles: " + String.join(", ", user.roles()));
            if (st.button("Log out")) {
                st.logout();
            }
        } else {
            st.write("Not logged in.");
            if (login) {
                if (st.button("Log in")) {
                    st.login();
                }
                st.caption("alice / alice-pw has the ADMIN role; bob / bob-pw has not.");
            } else {
                st.caption("An app with Spring Security gets a login here: st.login() hands over to its OAuth2 or form login "
                        + "and comes back to this page.");
            }
        }
        Context context = st.context();
        st.header("st.context()");
        st.write("Locale: " + context.locale().toLanguageTag() + " (all: " + context.locales().stream()
                .map(java.util.Locale::toLanguageTag).toList() + ")");
        st.write("Time zone: " + context.timeZone() + " (UTC" + context.timeZoneOffset() + "), local time "
                + ZonedDateTime.now(context.timeZone()).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(context.locale())));
        st.write("Theme: " + context.theme());
        st.write("URL: " + context.url());
        st.write("Your address: " + context.ipAddress());
        st.caption("Headers of this tab's connection (Cookie and Authorization only by name): "
                + String.join(", ", context.headers().keySet()));
        if (st.button("Open the admin page")) {
            st.switchPage(AdminPage.class);
        }
    }
}
