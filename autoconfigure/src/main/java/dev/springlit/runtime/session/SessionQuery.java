package dev.springlit.runtime.session;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import dev.springlit.QueryParams;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.run.Run;

/** A session's query parameters, kept in step with the tab's address bar. */
final class SessionQuery implements QueryParams {

    private final Session session;
    private final Map<String, List<String>> params = new LinkedHashMap<>();

    SessionQuery(Session session) {
        this.session = session;
    }

    /** Takes the parameters from the tab's {@code location.search} (with or without the leading "?"). */
    synchronized void replaceFrom(String search) {
        params.clear();
        if (search == null) {
            return;
        }
        String query = search.startsWith("?") ? search.substring(1) : search;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** The parameters as {@code ?a=1&b=2}, or "" when there are none. */
    synchronized String toSearch() {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((key, values) -> values.forEach(value -> joined.add(
                URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return joined.toString();
    }

    private void check() {
        Run.checkActiveIn(session.forRuns(), "Query parameters can only be used during a run of their session.");
    }

    private void changed() {
        session.send(new ServerMessage.QueryChanged(toSearch()));
    }

    @Override
    public synchronized String get(String key) {
        check();
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    @Override
    public synchronized List<String> getAll(String key) {
        check();
        return List.copyOf(params.getOrDefault(key, List.of()));
    }

    @Override
    public synchronized boolean contains(String key) {
        check();
        return params.containsKey(key);
    }

    @Override
    public void set(String key, String... values) {
        check();
        synchronized (this) {
            params.put(key, new ArrayList<>(List.of(values)));
        }
        changed();
    }

    @Override
    public void remove(String key) {
        check();
        synchronized (this) {
            params.remove(key);
        }
        changed();
    }

    @Override
    public void clear() {
        check();
        synchronized (this) {
            params.clear();
        }
        changed();
    }

    @Override
    public synchronized Set<String> keys() {
        check();
        return Set.copyOf(params.keySet());
    }

    @Override
    public synchronized Map<String, List<String>> toMap() {
        check();
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return copy;
    }
}
