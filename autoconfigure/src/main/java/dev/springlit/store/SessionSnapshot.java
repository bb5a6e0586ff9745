package dev.springlit.store;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A session's committed state as plain data, which is what a {@link SessionStore} keeps (through
 * {@link SnapshotCodec}): what a run's code can observe again on another node. Callbacks and value decoders are
 * code, not data: a node rebuilds them when the page is drawn.
 *
 * <pre>{@code
 * SessionSnapshot snapshot = new SessionSnapshot(Map.of("count", 3), Map.of(), Map.of(), "/counter", "", 12);
 * byte[] bytes = codec.encode(snapshot);
 * }</pre>
 *
 * @param values        user keys and keyed widgets' values: what {@code SessionState} shows (values may be null)
 * @param unkeyedValues values of widgets without a key, by widget id
 * @param widgets       what the last runs drew, by widget id
 * @param pagePath      the page the tab shows
 * @param query         its query string without '?', empty when none
 * @param lastSeq       the sequence number of the last interaction this state includes
 * @param user          the name of the signed-in user the session belongs to, or {@code null}: another node
 *                      hands it only to that user, as the node that created it would
 * @param filesLeftBehind the widget ids of file uploaders whose files stayed on the node that received them
 *                      (uploads are not stored): the node that takes the session over tells the tab to upload
 *                      them again
 * @param rerunRequested whether the run that committed this state asked for another run (st.rerun) that has not
 *                      committed yet: a node that takes the session over runs the page once more (S9.2). Snapshots
 *                      written before this field existed read as false (a record's stream names its fields).
 */
public record SessionSnapshot(Map<String, Object> values, Map<String, Object> unkeyedValues,
                              Map<String, WidgetSnapshot> widgets, String pagePath, String query, long lastSeq,
                              String user, List<String> filesLeftBehind, boolean rerunRequested)
        implements Serializable {

    /** A session whose last run asked for no other run. */
    public SessionSnapshot(Map<String, Object> values, Map<String, Object> unkeyedValues,
                           Map<String, WidgetSnapshot> widgets, String pagePath, String query, long lastSeq,
                           String user, List<String> filesLeftBehind) {
        this(values, unkeyedValues, widgets, pagePath, query, lastSeq, user, filesLeftBehind, false);
    }

    /** A session of nobody in particular with no uploads. */
    public SessionSnapshot(Map<String, Object> values, Map<String, Object> unkeyedValues,
                           Map<String, WidgetSnapshot> widgets, String pagePath, String query, long lastSeq) {
        this(values, unkeyedValues, widgets, pagePath, query, lastSeq, null, List.of());
    }

    // Records are deserialized through this constructor, so what it checks holds for stored data too.
    public SessionSnapshot {
        values = copy(values, "values");
        unkeyedValues = copy(unkeyedValues, "unkeyedValues");
        widgets = copy(widgets, "widgets");
        Objects.requireNonNull(pagePath, "pagePath");
        query = query == null ? "" : query;
        // an ArrayList, which the allow-list admits and Java serialization writes plainly
        filesLeftBehind = Collections.unmodifiableList(new ArrayList<>(filesLeftBehind == null ? List.of() : filesLeftBehind));
        if (lastSeq < 0) {
            throw new IllegalArgumentException("An interaction sequence number is never negative: " + lastSeq + ".");
        }
        for (Map.Entry<String, WidgetSnapshot> widget : widgets.entrySet()) {
            if (widget.getValue() == null || !widget.getValue().id().equals(widget.getKey())) {
                throw new IllegalArgumentException("A widget is filed under its own id.");
            }
        }
    }

    /** A session on {@code pagePath} with nothing in it yet. */
    public static SessionSnapshot empty(String pagePath) {
        return new SessionSnapshot(Map.of(), Map.of(), Map.of(), pagePath, "", 0);
    }

    /** Unmodifiable views over private HashMaps: null values allowed (S4.10), and Java serialization writes a HashMap. */
    private static <V> Map<String, V> copy(Map<String, V> map, String name) {
        Objects.requireNonNull(map, name);
        HashMap<String, V> copy = new HashMap<>(map);
        if (copy.containsKey(null)) {
            throw new IllegalArgumentException("A session snapshot has no null keys (" + name + ").");
        }
        return Collections.unmodifiableMap(copy);
    }
}
