package dev.springlit;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where this tab is and what its browser said (Streamlit's {@code st.context}), read-only: the headers and
 * cookies of the tab's WebSocket handshake, the browser's languages, time zone and colour theme (reported when
 * the tab connects and again when they change), the page's URL and the client's address. Read it with
 * {@link St#context()}.
 *
 * <pre>{@code
 * Context context = st.context();
 * ZonedDateTime now = ZonedDateTime.now(context.timeZone());
 * st.write(context.locale().getLanguage().equals("fr") ? "Bonjour !" : "Hello!", now);
 * if (context.header("Sec-Ch-Ua-Mobile").orElse("?0").equals("?1")) st.caption("On a phone");
 * }</pre>
 *
 * <p>Secrets are not handed out wholesale: {@link #headers()} leaves out {@code Cookie}, {@code Authorization}
 * and {@code Proxy-Authorization}, and {@link #cookies()} leaves out the server's session cookie
 * ({@code JSESSIONID} or {@code server.servlet.session.cookie.name}), because a page that shows "all headers"
 * would otherwise put the login's credentials into the page, where any script could read what HttpOnly keeps
 * from it. Ask for them by name ({@link #header(String)}, {@link #cookie(String)}) when a page really needs one.
 *
 * <p>What the browser reports is checked: an unknown time zone, a malformed language tag or an unknown theme
 * is replaced by the server's default (a warning is logged), so these never throw.
 */
public interface Context {

    /** Every header of the handshake, by lower-case name, first value only, without the secrets (see above). */
    Map<String, String> headers();

    /** The first value of header {@code name} (any case), secrets included. */
    Optional<String> header(String name);

    /** Every value of header {@code name} (any case), in order. */
    List<String> headerValues(String name);

    /** The cookies of the handshake, by name, without the server's session cookie. */
    Map<String, String> cookies();

    /** One cookie by name, the session cookie included. */
    Optional<String> cookie(String name);

    /** The browser's preferred language ({@code navigator.language}, else Accept-Language, else the server's). */
    Locale locale();

    /** The browser's languages in order of preference ({@code navigator.languages}); never empty. */
    List<Locale> locales();

    /** The browser's IANA time zone, such as {@code Europe/Paris} (else the server's). */
    ZoneId timeZone();

    /** The time zone's offset from UTC now, such as {@code +01:00}. */
    ZoneOffset timeZoneOffset();

    /** The colour theme the page shows: {@code "light"} or {@code "dark"}. */
    String theme();

    /** The URL of the page in the browser, without its query parameters (see {@link St#queryParams()}). */
    String url();

    /**
     * The client's IP address: the connection's, or the one forwarded by a proxy only as
     * {@code server.forward-headers-strategy} allows (a visitor's own {@code X-Forwarded-For} is ignored).
     */
    String ipAddress();
}
