package dev.springlit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page URL's query parameters, readable and writable during a run ({@code st.query_params}). Writes
 * update the browser's address bar at once, without a reload; reruns keep them.
 *
 * <pre>{@code
 * QueryParams query = st.queryParams();
 * String region = query.get("region");            // "north" for ?region=north, null when absent
 * query.set("region", "south");                    // the address bar now shows ?region=south
 * List<String> tags = query.getAll("tag");         // ?tag=a&tag=b → [a, b]
 * }</pre>
 */
public interface QueryParams {

    /** The last value of {@code key} (as Streamlit does for repeated keys), or {@code null}. */
    String get(String key);

    /** Every value of {@code key}, in order; empty when absent. */
    List<String> getAll(String key);

    /** Whether {@code key} is present. */
    boolean contains(String key);

    /** Replaces the values of {@code key}. */
    void set(String key, String... values);

    /** Removes {@code key}. */
    void remove(String key);

    /** Removes every parameter. */
    void clear();

    /** The keys, in URL order. */
    Set<String> keys();

    /** A snapshot: key → values. */
    Map<String, List<String>> toMap();
}
