package dev.springlit.runtime.run;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.springlit.Range;
import dev.springlit.UploadedFile;
import dev.springlit.store.SnapshotParts;

/**
 * The committed values of a session, each serialized on its own (named as {@link SnapshotParts} name them), kept
 * beside the committed state so that a run serializes only the values it may have changed, once: those it wrote,
 * those whose value it handed out and that could be changed in place (S3.3), and those not serialized yet. The same
 * bytes serve the serializability check (S8.2), the state size limit and the session store; an unchanged value keeps
 * its array, so the store can tell what to write by identity. Immutable; a run builds the next one.
 */
public final class StateBytes {

    /** Nothing serialized yet: every value is serialized by the next update. */
    public static final StateBytes NONE = new StateBytes(Map.of(), Set.of());

    private final Map<String, byte[]> parts;
    /** Parts whose value holds an upload: its files stay on this node, so it is stored as null. */
    private final Set<String> uploads;

    private StateBytes(Map<String, byte[]> parts, Set<String> uploads) {
        this.parts = parts;
        this.uploads = uploads;
    }

    /** The bytes of the value under part {@code name}, or {@code null} when it could not be serialized. */
    byte[] part(String name) {
        return parts.get(name);
    }

    /** Whether the value under part {@code name} holds an uploaded file. */
    boolean holdsUpload(String name) {
        return uploads.contains(name);
    }

    /** A value as {@code SessionState.put} serialized it: its bytes still hold at the run's end if it cannot change. */
    record Put(Object value, ValueBytes bytes) {
    }

    /** What one run's end made of the values: the bytes, and the user values that cannot be serialized. */
    public record Update(StateBytes bytes, List<UnserializableValueException> unserializable, Map<String, Long> sizes) {
    }

    /**
     * The bytes of {@code values} and {@code unkeyed} after a run, reusing this state's bytes for every entry that
     * still holds the same object and was not handed out mutable ({@code handedOut}: keys whose value code read), and
     * the bytes a put of this run made ({@code puts}, by key) for a value that is still there and cannot change in
     * place. {@code unserializable} lists the user values that cannot be serialized, in {@code values}' order;
     * {@code sizes} has each serializable user value's size as {@link StateSizeLimit} counts it.
     */
    public Update update(Map<String, Object> before, Map<String, Object> values, Map<String, Object> unkeyedBefore,
                  Map<String, Object> unkeyed, Set<String> handedOut, Map<String, Put> puts) {
        Next next = new Next(values.size() + unkeyed.size());
        List<UnserializableValueException> unserializable = List.of();
        Map<String, Long> sizes = Map.of();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String name = SnapshotParts.keyed(entry.getKey());
            boolean reusable = before.containsKey(entry.getKey()) && before.get(entry.getKey()) == entry.getValue()
                    && !(handedOut.contains(entry.getKey()) && mayChangeInPlace(entry.getValue()));
            Put put = puts.get(entry.getKey());
            ValueBytes fresh = put != null && put.value() == entry.getValue() && !mayChangeInPlace(put.value())
                    ? put.bytes() : null;
            byte[] bytes = carry(name, entry.getValue(), reusable, fresh, next);
            if (bytes == null) {
                if (unserializable.isEmpty()) {
                    unserializable = new ArrayList<>(2);
                }
                unserializable.add(new UnserializableValueException(entry.getKey(), entry.getValue()));
            } else {
                if (sizes.isEmpty()) {
                    sizes = new LinkedHashMap<>();
                }
                sizes.put(entry.getKey(), entry.getValue() == null ? 0L : bytes.length);
            }
        }
        for (Map.Entry<String, Object> entry : unkeyed.entrySet()) {
            // widget values are copies or immutable (S3.3): the same object means the same value
            boolean reusable = unkeyedBefore.containsKey(entry.getKey())
                    && unkeyedBefore.get(entry.getKey()) == entry.getValue();
            carry(SnapshotParts.unkeyed(entry.getKey()), entry.getValue(), reusable, null, next);
        }
        return new Update(new StateBytes(next.parts, next.uploads), unserializable, sizes);
    }

    /** The next state's parts and uploads as a run's end builds them (most runs see no upload). */
    private static final class Next {
        final Map<String, byte[]> parts;
        Set<String> uploads = Set.of();

        Next(int size) {
            parts = new HashMap<>(Math.max(4, size * 4 / 3 + 1));
        }

        void upload(String name) {
            if (uploads.isEmpty()) {
                uploads = new HashSet<>();
            }
            uploads.add(name);
        }
    }

    /**
     * Puts the value's bytes under {@code name}: this state's array when reusable or equal, else {@code fresh} (the
     * value's bytes already written in this run) or new ones.
     */
    private byte[] carry(String name, Object value, boolean reusable, ValueBytes fresh, Next next) {
        byte[] previous = parts.get(name);
        if (reusable && previous != null) {
            next.parts.put(name, previous);
            if (uploads.contains(name)) {
                next.upload(name);
            }
            return previous;
        }
        ValueBytes serialized = fresh != null ? fresh : ValueBytes.of(value);
        if (serialized == null) {
            return null;
        }
        byte[] bytes = previous != null && Arrays.equals(previous, serialized.bytes()) ? previous : serialized.bytes();
        next.parts.put(name, bytes);
        if (serialized.holdsUpload()) {
            next.upload(name);
        }
        return bytes;
    }

    /** Whether code holding the value could change it without a put; the JDK's value types cannot. */
    private static boolean mayChangeInPlace(Object value) {
        return !(value == null || value instanceof String || value instanceof Boolean || value instanceof Character
                || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Float || value instanceof Short || value instanceof Byte
                || value instanceof BigDecimal || value instanceof BigInteger || value instanceof Enum<?>
                || value instanceof TemporalAccessor && value.getClass().getName().startsWith("java.time.")
                || value instanceof UploadedFile
                || value instanceof Range<?> range && !mayChangeInPlace(range.low()) && !mayChangeInPlace(range.high()));
    }
}
