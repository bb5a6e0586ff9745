package dev.springlit.web.stream;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;

import dev.springlit.runtime.identity.TabContext;

/**
 * A tab's handshake headers as its {@link TabContext} keeps them: a view of the headers Spring's WebSocket session
 * holds for the connection's life (read-only, looked up in any case), named in lower case when listed. Every idle
 * tab kept a copy of them before; the view costs one small object.
 */
final class HandshakeHeaders extends TabContext.SharedHeaders {

    private final HttpHeaders handshake;

    HandshakeHeaders(HttpHeaders handshake) {
        this.handshake = handshake;
    }

    @Override
    public List<String> get(Object name) {
        if (!(name instanceof String header)) {
            return null;
        }
        List<String> values = handshake.get(header);
        return values == null ? null : Collections.unmodifiableList(values);
    }

    @Override
    public boolean containsKey(Object name) {
        return name instanceof String header && handshake.containsHeader(header);
    }

    @Override
    public int size() {
        return handshake.size();
    }

    @Override
    public Set<Map.Entry<String, List<String>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, List<String>>> iterator() {
                Iterator<Map.Entry<String, List<String>>> headers = handshake.headerSet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return headers.hasNext();
                    }

                    @Override
                    public Map.Entry<String, List<String>> next() {
                        Map.Entry<String, List<String>> header = headers.next();
                        return Map.entry(header.getKey().toLowerCase(Locale.ROOT),
                                Collections.unmodifiableList(header.getValue()));
                    }
                };
            }

            @Override
            public int size() {
                return handshake.size();
            }
        };
    }
}
