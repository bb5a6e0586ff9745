package dev.springlit.runtime.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.springlit.Context;

/**
 * What {@code st.context()} returns: one immutable snapshot of a tab's handshake and of what its browser last
 * reported. A reconnect or a new report replaces the whole snapshot ({@link TabIdentity}), so a run never sees
 * half of an update.
 *
 * @param allHeaders    the handshake's headers by lower-case name, every value
 * @param allCookies    the handshake's cookies by name
 * @param sessionCookie the name of the server's session cookie, left out of {@link #cookies()}
 * @param origin        scheme, host and port as the browser reached the server, with the context path
 * @param path          the page's path
 * @param address       the client's address
 * @param locales       the browser's languages, never empty
 * @param timeZone      the browser's time zone
 * @param theme         "light" or "dark"
 */
public record TabContext(Map<String, List<String>> allHeaders, Map<String, String> allCookies, String sessionCookie,
                         String origin, String path, String address, List<Locale> locales, ZoneId timeZone,
                         String theme) implements Context {

    /** Headers {@link #headers()} leaves out: credentials a page should ask for by name, if at all. */
    static final Set<String> SECRET_HEADERS = Set.of("cookie", "authorization", "proxy-authorization");

    public TabContext {
        allHeaders = compactHeaders(allHeaders);
        allCookies = allCookies.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(allCookies));
        locales = locales.isEmpty() ? List.of(Locale.getDefault()) : List.copyOf(locales);
    }

    /**
     * Every session keeps its tab's snapshot while it lives (parked ones too), so the copy is as small as it can be
     * while keeping the headers' order: immutable value lists instead of growable ones, no map when there is none.
     */
    private static Map<String, List<String>> compactHeaders(Map<String, List<String>> headers) {
        if (headers instanceof SharedHeaders) {
            return headers;
        }
        if (headers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> compact = new LinkedHashMap<>(headers.size() * 4 / 3 + 1);
        headers.forEach((name, values) -> compact.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(compact);
    }

    /**
     * Headers a context keeps as they are instead of copying them: read-only, named in lower case, and looked up
     * by a lower-case name. The connection's handshake headers are such a map (the container keeps them while the
     * tab is connected anyway), so an idle tab holds one copy of its headers instead of two.
     */
    public abstract static class SharedHeaders extends AbstractMap<String, List<String>> {
    }

    /** A tab the server knows nothing about (the page tester's, until it is told more): the server's defaults. */
    public static TabContext serverDefaults() {
        return new TabContext(Map.of(), Map.of(), "JSESSIONID", "http://localhost", "/", null,
                List.of(Locale.getDefault()), ZoneId.systemDefault(), "light");
    }

    /** The same with what the browser reported. */
    public TabContext withBrowser(List<Locale> newLocales, ZoneId newZone, String newTheme) {
        return new TabContext(allHeaders, allCookies, sessionCookie, origin, path, address, newLocales, newZone, newTheme);
    }

    /** The same at another page. */
    public TabContext atPath(String newPath) {
        return new TabContext(allHeaders, allCookies, sessionCookie, origin, newPath, address, locales, timeZone, theme);
    }

    /** The same with one more header value (the page tester's {@code withHeader}). */
    public TabContext withHeader(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(allHeaders);
        more.put(name.toLowerCase(Locale.ROOT), append(more.get(name.toLowerCase(Locale.ROOT)), value));
        return new TabContext(more, allCookies, sessionCookie, origin, path, address, locales, timeZone, theme);
    }

    /** The same with one more cookie. */
    public TabContext withCookie(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(allCookies);
        more.put(name, value);
        return new TabContext(allHeaders, more, sessionCookie, origin, path, address, locales, timeZone, theme);
    }

    private static List<String> append(List<String> values, String value) {
        List<String> more = values == null ? new ArrayList<>() : new ArrayList<>(values);
        more.add(value);
        return List.copyOf(more);
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> shown = new LinkedHashMap<>();
        allHeaders.forEach((name, values) -> {
            if (!SECRET_HEADERS.contains(name) && !values.isEmpty()) {
                shown.put(name, values.get(0));
            }
        });
        return Collections.unmodifiableMap(shown);
    }

    @Override
    public Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public List<String> headerValues(String name) {
        List<String> values = allHeaders.get(name.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : values;
    }

    @Override
    public Map<String, String> cookies() {
        Map<String, String> shown = new LinkedHashMap<>(allCookies);
        shown.remove(sessionCookie);
        return Collections.unmodifiableMap(shown);
    }

    @Override
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(allCookies.get(name));
    }

    @Override
    public Locale locale() {
        return locales.get(0);
    }

    @Override
    public ZoneOffset timeZoneOffset() {
        return timeZone.getRules().getOffset(Instant.now());
    }

    @Override
    public String url() {
        return origin + path;
    }

    @Override
    public String ipAddress() {
        return address;
    }
}
