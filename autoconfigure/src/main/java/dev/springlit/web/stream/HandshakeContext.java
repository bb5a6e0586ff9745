package dev.springlit.web.stream;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.WebSocketSession;

import dev.springlit.runtime.identity.TabContext;
import dev.springlit.web.protocol.BrowserReport;
import dev.springlit.web.render.PageShell;

/**
 * A tab's {@link TabContext} as its WebSocket handshake shows it, before the browser reports anything: headers,
 * cookies, the page's origin (scheme and host as the request saw them after Spring's forwarded-header handling,
 * with the context path), the client address, the {@code Accept-Language} languages and the server's time zone.
 */
final class HandshakeContext {

    private HandshakeContext() {
    }

    static TabContext of(WebSocketSession socket, String address, String sessionCookie) {
        HandshakeHeaders headers = socket.getAttributes().remove(HandshakeHeadersUpgrade.HEADERS)
                instanceof HandshakeHeaders kept ? kept : HandshakeHeaders.of(socket.getHandshakeHeaders());
        return new TabContext(headers, cookies(headers.getOrDefault("cookie", List.of())), sessionCookie,
                origin(socket.getUri()), "/", address, languages(headers.getOrDefault("accept-language", List.of())),
                ZoneId.systemDefault(), "light");
    }

    /** The cookies of {@code Cookie} headers ({@code a=1; b=2}); a cookie without a name is skipped. */
    static Map<String, String> cookies(List<String> cookieHeaders) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                String name = (equals < 0 ? pair : pair.substring(0, equals)).strip();
                if (!name.isEmpty()) {
                    String value = equals < 0 ? "" : pair.substring(equals + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    cookies.putIfAbsent(name, value);
                }
            }
        }
        return cookies;
    }

    /** {@code http(s)://host[:port]/context-path} of the page, from the handshake's URL. */
    static String origin(URI handshake) {
        if (handshake == null || handshake.getHost() == null) {
            return "http://localhost";
        }
        String scheme = switch (handshake.getScheme() == null ? "" : handshake.getScheme()) {
            case "wss", "https" -> "https";
            default -> "http";
        };
        String path = handshake.getRawPath() == null ? "" : handshake.getRawPath();
        int stream = path.lastIndexOf(PageShell.STREAM_PATH);
        String contextPath = stream > 0 ? path.substring(0, stream) : "";
        int port = handshake.getPort();
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + handshake.getHost() + (defaultPort ? "" : ":" + port) + contextPath;
    }

    private static List<Locale> languages(List<String> acceptLanguage) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        try {
            List<Locale> locales = new ArrayList<>();
            for (Locale.LanguageRange range : headers.getAcceptLanguage()) {
                Locale locale = BrowserReport.locale(range.getRange());
                if (locale != null && !range.getRange().equals("*")) {
                    locales.add(locale);
                }
            }
            return locales.isEmpty() ? List.of(Locale.getDefault()) : locales;
        } catch (IllegalArgumentException e) {
            return List.of(Locale.getDefault()); // a malformed Accept-Language is no reason to refuse the tab
        }
    }
}
