package dev.springlit.runtime.session;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.page.PageDescriptor;

/**
 * Where {@code st.login()} and {@code st.logout()} send the tab. Login goes through Springlit's
 * {@code /_springlit/login}, which remembers the page (and its query) to come back to and hands over to the app's
 * Spring Security login; logout posts the app's {@code /logout} form with the tab's CSRF token and makes the tab
 * forget its session, which ends when its connection closes (a session never changes users).
 */
final class LoginRedirects {

    /** The HTTP path of the login hand-over, under the app's context path. */
    static final String LOGIN_PATH = "/_springlit/login";
    /** Spring Security's default logout URL. */
    static final String LOGOUT_PATH = "/logout";

    private LoginRedirects() {
    }

    static void login(Session session, PageDescriptor page, String registrationId) {
        if (registrationId != null && (registrationId.isBlank() || registrationId.length() > 200)) {
            throw new dev.springlit.StreamlitApiException("login(): \"" + registrationId.strip()
                    + "\" is not a client registration id.");
        }
        StringBuilder url = new StringBuilder(basePath(session)).append(LOGIN_PATH)
                .append("?page=").append(encode(page.path() + session.query().toSearch()));
        if (registrationId != null) {
            url.append("&registration=").append(encode(registrationId));
        }
        session.send(new ServerMessage.Redirect(url.toString(), false, null, false));
    }

    static void logout(Session session) {
        session.identity().markLoggedOut();
        session.send(new ServerMessage.Redirect(basePath(session) + LOGOUT_PATH, true,
                session.identity().logoutToken(), true));
    }

    /** The context path the tab reached the server under ("" for the root). */
    private static String basePath(Session session) {
        String path = URI.create(session.identity().context().origin()).getRawPath();
        return path == null || path.equals("/") ? "" : path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
