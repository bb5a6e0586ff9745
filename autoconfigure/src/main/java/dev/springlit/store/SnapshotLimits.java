package dev.springlit.store;

/**
 * How much a {@link SnapshotCodec} reads before it gives up: bounds that keep a tampered or runaway snapshot from
 * exhausting memory or stack while it is decoded.
 *
 * <pre>{@code
 * new SnapshotCodec(loader, List.of("com.example.shop"), SnapshotLimits.defaults().withMaxBytes(1 << 20));
 * }</pre>
 *
 * @param maxBytes       the largest encoded snapshot
 * @param maxDepth       the deepest nesting of objects
 * @param maxArrayLength the longest array (also a collection's internal table)
 * @param maxReferences  the most objects and references in one snapshot
 */
public record SnapshotLimits(long maxBytes, long maxDepth, long maxArrayLength, long maxReferences) {

    public SnapshotLimits {
        if (maxBytes < 64 || maxDepth < 8 || maxArrayLength < 16 || maxReferences < 64) {
            throw new IllegalArgumentException("Snapshot limits this small would refuse an empty session.");
        }
    }

    /** 16 MB, 200 levels, arrays of 16 M elements, 1 M references. */
    public static SnapshotLimits defaults() {
        return new SnapshotLimits(16L << 20, 200, 16L << 20, 1L << 20);
    }

    public SnapshotLimits withMaxBytes(long maxBytes) {
        return new SnapshotLimits(maxBytes, maxDepth, maxArrayLength, maxReferences);
    }

    public SnapshotLimits withMaxDepth(long maxDepth) {
        return new SnapshotLimits(maxBytes, maxDepth, maxArrayLength, maxReferences);
    }

    public SnapshotLimits withMaxArrayLength(long maxArrayLength) {
        return new SnapshotLimits(maxBytes, maxDepth, maxArrayLength, maxReferences);
    }
}
