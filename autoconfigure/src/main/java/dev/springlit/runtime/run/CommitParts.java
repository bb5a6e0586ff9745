package dev.springlit.runtime.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.springlit.UploadedFile;
import dev.springlit.runtime.widget.WidgetMeta;
import dev.springlit.store.SessionSnapshot;
import dev.springlit.store.SnapshotCodec;
import dev.springlit.store.SnapshotDelta;
import dev.springlit.store.SnapshotParts;
import dev.springlit.store.WidgetSnapshot;

/**
 * The {@link SnapshotParts} of one commit, made from the bytes the run's end already serialized ({@link StateBytes})
 * and, when the page, query, user and widgets are as the last commit had them, that commit's meta part: nothing is
 * serialized twice. A value holding an upload is stored as null (its files stay on this node) and its widget listed
 * as left behind. {@link #deltaFrom} is what a store that keeps parts apart writes.
 */
public final class CommitParts {

    private static final byte[] NULL = ValueBytes.of(null).bytes();

    private final Map<String, byte[]> parts;
    private final SessionSnapshot meta;

    private CommitParts(Map<String, byte[]> parts, SessionSnapshot meta) {
        this.parts = parts;
        this.meta = meta;
    }

    /**
     * The parts of {@code data} on {@code pagePath} with {@code query}, for {@code user}; {@code rerunRequested}: the
     * committing run asked for another run (see SessionSnapshot#rerunRequested).
     *
     * @throws IllegalArgumentException when a value cannot be serialized (nothing is stored that could not be read)
     */
    public static CommitParts of(SessionData data, String pagePath, String query, String user,
                                 boolean rerunRequested, CommitParts previous, SnapshotCodec codec) {
        StateBytes bytes = data.bytes() != null ? data.bytes()
                : StateBytes.NONE.update(Map.of(), data.values(), Map.of(), data.unkeyed(), Set.of(), Map.of()).bytes();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        Set<String> uploads = new HashSet<>();
        for (Map.Entry<String, Object> value : data.values().entrySet()) {
            put(parts, uploads, bytes, SnapshotParts.keyed(value.getKey()), value.getValue());
        }
        for (Map.Entry<String, Object> value : data.unkeyed().entrySet()) {
            put(parts, uploads, bytes, SnapshotParts.unkeyed(value.getKey()), value.getValue());
        }
        Map<String, WidgetSnapshot> widgets = new HashMap<>();
        List<String> filesLeftBehind = new ArrayList<>();
        for (WidgetMeta widget : data.widgets().values()) {
            Object defaultValue = widget.defaultValue();
            boolean fileDefault = defaultValue instanceof UploadedFile
                    || defaultValue instanceof Collection<?> c && c.stream().anyMatch(UploadedFile.class::isInstance);
            widgets.put(widget.id(), new WidgetSnapshot(widget.id(), widget.key(), widget.kind().wireName(),
                    widget.form(), widget.order(), widget.trigger(), fileDefault ? null : defaultValue,
                    widget.callback() != null));
            String name = widget.key() != null ? SnapshotParts.keyed(widget.key()) : SnapshotParts.unkeyed(widget.id());
            if (uploads.contains(name)) {
                filesLeftBehind.add(widget.id());
            }
        }
        filesLeftBehind.sort(null);
        // the record's own sequence number is the one that counts: the meta part need not change with every run
        SessionSnapshot meta = new SessionSnapshot(Map.of(), Map.of(), widgets, pagePath, query, 0, user,
                filesLeftBehind, rerunRequested);
        parts.put(SnapshotParts.META, previous != null && previous.meta.equals(meta)
                ? previous.parts.get(SnapshotParts.META) : codec.encodeMeta(meta));
        return new CommitParts(parts, meta);
    }

    private static void put(Map<String, byte[]> parts, Set<String> uploads, StateBytes bytes, String name, Object value) {
        byte[] part = bytes.part(name);
        if (part == null) {
            throw new IllegalArgumentException("A session value of type " + (value == null ? "null"
                    : value.getClass().getName()) + " cannot be serialized, so the session cannot be stored.");
        }
        if (bytes.holdsUpload(name)) {
            uploads.add(name);
            part = NULL;
        }
        parts.put(name, part);
    }

    /** Every part, by name. */
    public Map<String, byte[]> parts() {
        return parts;
    }

    /** What differs from {@code before} (the parts the store holds): new arrays, and names gone. */
    public SnapshotDelta deltaFrom(CommitParts before) {
        Map<String, byte[]> changed = new HashMap<>();
        parts.forEach((name, part) -> {
            if (before.parts.get(name) != part) {
                changed.put(name, part);
            }
        });
        Set<String> removed = new HashSet<>(before.parts.keySet());
        removed.removeAll(parts.keySet());
        return new SnapshotDelta(changed, removed);
    }
}
