package dev.springlit.web.stream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;

import dev.springlit.runtime.identity.TabContext;

/**
 * A tab's handshake headers as its {@link TabContext} keeps them for the session's whole life, parked too: one
 * array of names and values (the strings the container parsed, not copies), read-only, looked up in any case and
 * listed by lower-case name. A map of lists per header cost a parked session about a kilobyte; this costs one array.
 */
final class HandshakeHeaders extends TabContext.SharedHeaders {

    /** Name, value, name, value, ...: a header with several values appears once per value, in order. */
    private final String[] namesAndValues;

    private HandshakeHeaders(String[] namesAndValues) {
        this.namesAndValues = namesAndValues;
    }

    /** The headers of a handshake request. */
    static HandshakeHeaders of(HttpHeaders headers) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                pairs.add(header.getKey());
                pairs.add(value);
            }
        }
        return new HandshakeHeaders(pairs.toArray(String[]::new));
    }

    /** The values of header {@code name} (any case), or null when it was not sent. */
    @Override
    public List<String> get(Object name) {
        if (!(name instanceof String header)) {
            return null;
        }
        List<String> values = null;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i].equalsIgnoreCase(header)) {
                if (values == null) {
                    values = new ArrayList<>(1);
                }
                values.add(namesAndValues[i + 1]);
            }
        }
        return values == null ? null : List.copyOf(values);
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public int size() {
        return grouped().size();
    }

    @Override
    public Set<Map.Entry<String, List<String>>> entrySet() {
        return grouped().entrySet();
    }

    /** The headers by lower-case name in the order sent, each with every value: built when listed (rarely). */
    private Map<String, List<String>> grouped() {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            grouped.computeIfAbsent(namesAndValues[i].toLowerCase(Locale.ROOT), n -> new ArrayList<>(1))
                    .add(namesAndValues[i + 1]);
        }
        grouped.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(grouped);
    }
}
