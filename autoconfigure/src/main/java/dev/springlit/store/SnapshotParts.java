package dev.springlit.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts a stored session is made of, each serialized on its own: {@link #META} (the page, the widgets'
 * bookkeeping, the user) and one part per value ({@link #keyed} and {@link #unkeyed} names). A node serializes
 * only the parts a run changed, and a store that can write parts separately (Redis: one hash field each) writes
 * only those. As one byte array the parts are framed: for each, its name's length and UTF-8 bytes, then its
 * length and bytes (lengths are 4-byte big-endian).
 *
 * <pre>{@code
 * byte[] framed = SnapshotParts.frame(Map.of(SnapshotParts.META, meta, SnapshotParts.keyed("count"), count));
 * Map<String, byte[]> again = SnapshotParts.parse(framed, 0, framed.length, 1 << 20);
 * }</pre>
 */
public final class SnapshotParts {

    /** How many bytes come before the parts in a snapshot: the codec's magic and format version. */
    public static final int HEADER = 5;

    /** The name of the part that holds everything but the values. */
    public static final String META = "m";

    private SnapshotParts() {
    }

    /** The part name of the value under a user's (or keyed widget's) key. */
    public static String keyed(String key) {
        return "k:" + key;
    }

    /** The part name of the value of the unkeyed widget with this id. */
    public static String unkeyed(String widgetId) {
        return "u:" + widgetId;
    }

    /** A snapshot's {@link #HEADER} bytes. */
    public static byte[] header(byte[] snapshot) {
        if (snapshot.length < HEADER) {
            throw new IllegalArgumentException("a snapshot has at least its header");
        }
        return Arrays.copyOf(snapshot, HEADER);
    }

    /** A snapshot's parts, by name; {@code maxBytes} bounds each. */
    public static Map<String, byte[]> parts(byte[] snapshot, int maxBytes) {
        header(snapshot);
        return parse(snapshot, HEADER, snapshot.length, maxBytes);
    }

    /** The snapshot made of {@code header} and {@code parts}. */
    public static byte[] join(byte[] header, Map<String, byte[]> parts) {
        String[] names = parts.keySet().toArray(String[]::new);
        Arrays.sort(names); // the same parts always give the same bytes
        byte[][] encodedNames = new byte[names.length][];
        int size = header.length;
        for (int i = 0; i < names.length; i++) {
            encodedNames[i] = names[i].getBytes(StandardCharsets.UTF_8);
            size += 8 + encodedNames[i].length + parts.get(names[i]).length;
        }
        ByteBuffer out = ByteBuffer.allocate(size); // one array of the exact size: a commit frames every run
        out.put(header);
        for (int i = 0; i < names.length; i++) {
            byte[] part = parts.get(names[i]);
            out.putInt(encodedNames[i].length).put(encodedNames[i]).putInt(part.length).put(part);
        }
        return out.array();
    }

    /** {@code parts} as one byte array, in the order of their names. */
    public static byte[] frame(Map<String, byte[]> parts) {
        return join(new byte[0], parts);
    }

    /**
     * The parts framed in {@code bytes[from, to)}.
     *
     * @throws IllegalArgumentException when the framing is broken, a name repeats, or a length exceeds
     *                                  {@code maxBytes}
     */
    public static Map<String, byte[]> parse(byte[] bytes, int from, int to, int maxBytes) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        while (in.hasRemaining()) {
            String name = new String(next(in, maxBytes), StandardCharsets.UTF_8);
            if (parts.put(name, next(in, maxBytes)) != null) {
                throw new IllegalArgumentException("a part is there twice");
            }
        }
        return parts;
    }

    private static byte[] next(ByteBuffer in, int maxBytes) {
        if (in.remaining() < 4) {
            throw new IllegalArgumentException("a part is cut short");
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining() || length > maxBytes) {
            throw new IllegalArgumentException("a part's length is out of range");
        }
        byte[] part = new byte[length];
        in.get(part);
        return part;
    }
}
