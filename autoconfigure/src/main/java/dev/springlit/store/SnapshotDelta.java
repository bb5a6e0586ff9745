package dev.springlit.store;

import java.util.Map;
import java.util.Set;

/**
 * What one commit changed of a session's {@link SnapshotParts}, relative to the version it follows (the committing
 * node's previous commit): the parts written anew and the names of the parts gone. A store that keeps parts apart
 * (Redis) writes only these; the others keep the whole snapshot.
 *
 * <pre>{@code
 * store.commit(mine.next(seq, whole), new SnapshotDelta(Map.of(SnapshotParts.keyed("count"), bytes), Set.of()), ttl);
 * }</pre>
 *
 * @param changed parts written by this commit, by name
 * @param removed names of parts the version before had and this one has not
 */
public record SnapshotDelta(Map<String, byte[]> changed, Set<String> removed) {

    public SnapshotDelta {
        changed = Map.copyOf(changed);
        removed = Set.copyOf(removed);
    }
}
