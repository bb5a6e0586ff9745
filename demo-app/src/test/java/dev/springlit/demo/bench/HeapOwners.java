// Over 300 lines: one HPROF reader (strings, classes, the heap dump's records) and the owner walk over what it read; the format's parts only make sense together.
package dev.springlit.demo.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who holds an idle tab's bytes: reads two HPROF heap dumps ({@code jcmd <pid> GC.heap_dump}, before and after
 * opening N tabs) and attributes every live object to its <em>owner</em>, the nearest object on its shortest path
 * from a GC root whose class is not the JDK's ({@code java.*}, {@code javax.*}, {@code jdk.*}, {@code sun.*} except
 * NIO's socket channel, and arrays): a {@code byte[]} under Tomcat's socket wrapper counts for
 * {@code NioEndpoint$NioSocketWrapper}, the strings of Spring's header copy for {@code HttpHeaders}. Shared objects
 * go to whichever owner the breadth-first walk meets first, so the figures are an attribution, not retained sizes.
 * Sizes are computed as HotSpot lays objects out with compressed oops and class pointers (12-byte object header,
 * 16-byte array header, 4-byte references, 8-byte alignment).
 * <p>
 * {@code java -cp <test classes> dev.springlit.demo.bench.HeapOwners before.hprof after.hprof N} prints, per owner
 * class, the objects and bytes per tab the second dump has more than the first.
 */
public final class HeapOwners {

    private final Map<Long, String> strings = new HashMap<>();
    private final Map<Long, String> classNames = new HashMap<>();
    private final Map<Long, ClassInfo> classes = new HashMap<>();
    private int idSize;

    // Objects, in dump order; refs of object i are refIds[refStart[i] .. refStart[i + 1]).
    private long[] ids = new long[1 << 20];
    private long[] classOf = new long[1 << 20];
    private int[] sizes = new int[1 << 20];
    private int[] refStart = new int[(1 << 20) + 1];
    private long[] refIds = new long[1 << 22];
    private int objects;
    private int refs;
    private final List<Long> roots = new ArrayList<>();

    private record ClassInfo(long superId, int instanceFieldBytes, byte[] fieldTypes, long[] staticRefs) {
    }

    /** Per owner class name: {objects, bytes}. */
    public static Map<String, long[]> owners(Path dump) throws IOException {
        HeapOwners heap = new HeapOwners();
        heap.read(dump, true);
        heap.read(dump, false);
        return heap.attribute();
    }

    public static void main(String[] args) throws IOException {
        Map<String, long[]> before = owners(Path.of(args[0]));
        Map<String, long[]> after = owners(Path.of(args[1]));
        int tabs = Integer.parseInt(args[2]);
        print(before, after, tabs, args.length > 3 ? Integer.parseInt(args[3]) : 40);
    }

    /** Prints the owners whose objects grew most from {@code before} to {@code after}, per tab. */
    public static void print(Map<String, long[]> before, Map<String, long[]> after, int tabs, int rows) {
        Map<String, long[]> delta = new HashMap<>();
        after.forEach((owner, v) -> delta.put(owner, new long[] {v[0], v[1]}));
        before.forEach((owner, v) -> {
            long[] d = delta.computeIfAbsent(owner, o -> new long[2]);
            d[0] -= v[0];
            d[1] -= v[1];
        });
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(delta.entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]));
        long total = sorted.stream().mapToLong(e -> e.getValue()[1]).sum();
        System.out.printf(Locale.ROOT, "%nHeap per tab by owner (HPROF, %,d tabs; owner = nearest non-JDK object on the "
                + "shortest path from a GC root; bytes include the JDK objects it holds)%n", tabs);
        System.out.println("| owner | objects / tab | bytes / tab |");
        System.out.println("|---|---|---|");
        int shown = 0;
        for (Map.Entry<String, long[]> e : sorted) {
            if (shown++ == rows) {
                break;
            }
            System.out.printf(Locale.ROOT, "| %s | %.2f | %,.0f |%n", e.getKey(), e.getValue()[0] / (double) tabs,
                    e.getValue()[1] / (double) tabs);
        }
        System.out.printf(Locale.ROOT, "| total | | %,.0f |%n", total / (double) tabs);
    }

    private void read(Path dump, boolean classesOnly) throws IOException {
        try (InputStream file = Files.newInputStream(dump);
             DataInputStream in = new DataInputStream(new BufferedInputStream(file, 1 << 20))) {
            while (in.readByte() != 0) {
                // "JAVA PROFILE 1.0.2"
            }
            idSize = in.readInt();
            in.readLong();
            while (true) {
                int tag;
                try {
                    tag = in.readUnsignedByte();
                } catch (EOFException end) {
                    return;
                }
                in.readInt();
                long length = Integer.toUnsignedLong(in.readInt());
                switch (tag) {
                    case 0x01 -> {
                        long id = id(in);
                        byte[] text = new byte[(int) (length - idSize)];
                        in.readFully(text);
                        if (classesOnly) {
                            strings.put(id, new String(text, StandardCharsets.UTF_8));
                        }
                    }
                    case 0x02 -> {
                        in.readInt();
                        long classId = id(in);
                        in.readInt();
                        long nameId = id(in);
                        if (classesOnly) {
                            classNames.put(classId, strings.getOrDefault(nameId, "?").replace('/', '.'));
                        }
                    }
                    case 0x0C, 0x1C -> segment(in, length, classesOnly);
                    default -> in.skipNBytes(length);
                }
            }
        }
    }

    private void segment(DataInputStream in, long length, boolean classesOnly) throws IOException {
        long end = length;
        long read = 0;
        while (read < end) {
            int sub = in.readUnsignedByte();
            read += 1;
            switch (sub) {
                case 0xFF, 0x05, 0x07 -> read += root(in, 0, classesOnly);
                case 0x01 -> read += root(in, idSize, classesOnly);
                case 0x02, 0x03, 0x08 -> read += root(in, 8, classesOnly);
                case 0x04, 0x06 -> read += root(in, 4, classesOnly);
                case 0x20 -> read += classDump(in, classesOnly);
                case 0x21 -> {
                    long id = id(in);
                    in.readInt();
                    long classId = id(in);
                    int bytes = in.readInt();
                    byte[] fields = new byte[bytes];
                    in.readFully(fields);
                    read += 2L * idSize + 8 + bytes;
                    if (!classesOnly) {
                        instance(id, classId, fields);
                    }
                }
                case 0x22 -> {
                    long id = id(in);
                    in.readInt();
                    int n = in.readInt();
                    long classId = id(in);
                    read += 2L * idSize + 8 + (long) n * idSize;
                    if (classesOnly) {
                        in.skipNBytes((long) n * idSize);
                    } else {
                        add(id, classId, align(16 + 4L * n));
                        for (int i = 0; i < n; i++) {
                            ref(id(in));
                        }
                    }
                }
                case 0x23 -> {
                    long id = id(in);
                    in.readInt();
                    int n = in.readInt();
                    int type = in.readUnsignedByte();
                    int element = primitiveSize(type);
                    in.skipNBytes((long) n * element);
                    read += idSize + 9 + (long) n * element;
                    if (!classesOnly) {
                        add(id, -type, align(16 + (long) n * element));
                    }
                }
                default -> throw new IOException("unknown heap dump record 0x" + Integer.toHexString(sub));
            }
        }
    }

    private int root(DataInputStream in, int extra, boolean classesOnly) throws IOException {
        long id = id(in);
        in.skipNBytes(extra);
        if (!classesOnly) {
            roots.add(id);
        }
        return idSize + extra;
    }

    private int classDump(DataInputStream in, boolean classesOnly) throws IOException {
        int read = 0;
        long classId = id(in);
        in.readInt();
        long superId = id(in);
        for (int i = 0; i < 5; i++) {
            id(in);
        }
        in.readInt();
        read += 7 * idSize + 8;
        int constants = in.readUnsignedShort();
        read += 2;
        for (int i = 0; i < constants; i++) {
            in.readUnsignedShort();
            int type = in.readUnsignedByte();
            int size = valueSize(type);
            in.skipNBytes(size);
            read += 3 + size;
        }
        List<Long> staticRefs = new ArrayList<>();
        int statics = in.readUnsignedShort();
        read += 2;
        for (int i = 0; i < statics; i++) {
            id(in);
            int type = in.readUnsignedByte();
            if (type == 2) {
                staticRefs.add(id(in));
            } else {
                in.skipNBytes(valueSize(type));
            }
            read += idSize + 1 + valueSize(type);
        }
        int fields = in.readUnsignedShort();
        read += 2;
        byte[] types = new byte[fields];
        int bytes = 0;
        for (int i = 0; i < fields; i++) {
            id(in);
            types[i] = in.readByte();
            bytes += types[i] == 2 ? 4 : primitiveSize(types[i]);
            read += idSize + 1;
        }
        if (classesOnly) {
            classes.put(classId, new ClassInfo(superId, bytes, types,
                    staticRefs.stream().mapToLong(Long::longValue).toArray()));
        } else {
            add(classId, 0, 0); // a class: its statics are roots
            for (long r : classes.get(classId).staticRefs) {
                ref(r);
            }
            roots.add(classId);
        }
        return read;
    }

    private void instance(long id, long classId, byte[] fields) {
        int layout = 12;
        for (long c = classId; c != 0 && classes.containsKey(c); c = classes.get(c).superId) {
            layout += classes.get(c).instanceFieldBytes;
        }
        add(id, classId, align(layout));
        int offset = 0;
        for (long c = classId; c != 0 && classes.containsKey(c); c = classes.get(c).superId) {
            for (byte type : classes.get(c).fieldTypes) {
                if (type == 2) {
                    long ref = 0;
                    for (int k = 0; k < idSize; k++) {
                        ref = (ref << 8) | (fields[offset + k] & 0xFF);
                    }
                    ref(ref);
                    offset += idSize;
                } else {
                    offset += primitiveSize(type);
                }
            }
        }
    }

    private void add(long id, long classId, long size) {
        if (objects + 1 >= ids.length) {
            int n = ids.length * 2;
            ids = Arrays.copyOf(ids, n);
            classOf = Arrays.copyOf(classOf, n);
            sizes = Arrays.copyOf(sizes, n);
            refStart = Arrays.copyOf(refStart, n + 1);
        }
        ids[objects] = id;
        classOf[objects] = classId;
        sizes[objects] = (int) size;
        refStart[objects] = refs;
        objects++;
        refStart[objects] = refs;
    }

    private void ref(long id) {
        if (id == 0) {
            return;
        }
        if (refs == refIds.length) {
            refIds = Arrays.copyOf(refIds, refs * 2);
        }
        refIds[refs++] = id;
        refStart[objects] = refs;
    }

    /** Breadth-first from the roots; each object takes its own class as owner, or else its parent's owner. */
    private Map<String, long[]> attribute() {
        Integer[] order = new Integer[objects];
        for (int i = 0; i < objects; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> ids[i]));
        long[] sortedIds = new long[objects];
        int[] index = new int[objects];
        for (int k = 0; k < objects; k++) {
            sortedIds[k] = ids[order[k]];
            index[k] = order[k];
        }
        String[] owner = new String[objects];
        int[] queue = new int[objects];
        int head = 0;
        int tail = 0;
        for (long root : roots) {
            int i = find(sortedIds, index, root);
            if (i >= 0 && owner[i] == null) {
                owner[i] = ownerName(i, "<root>");
                queue[tail++] = i;
            }
        }
        Map<String, long[]> result = new HashMap<>();
        while (head < tail) {
            int i = queue[head++];
            long[] sum = result.computeIfAbsent(owner[i], o -> new long[2]);
            sum[0]++;
            sum[1] += sizes[i];
            for (int r = refStart[i]; r < refStart[i + 1]; r++) {
                int j = find(sortedIds, index, refIds[r]);
                if (j >= 0 && owner[j] == null) {
                    owner[j] = ownerName(j, owner[i]);
                    queue[tail++] = j;
                }
            }
        }
        return result;
    }

    private String ownerName(int i, String parent) {
        long c = classOf[i];
        if (c <= 0) {
            return parent; // a primitive array, or a class object
        }
        String name = classNames.getOrDefault(c, "?");
        boolean jdk = name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || (name.startsWith("sun.") && !name.equals("sun.nio.ch.SocketChannelImpl")) || name.startsWith("[");
        return jdk ? parent : name;
    }

    private static int find(long[] sortedIds, int[] index, long id) {
        int k = Arrays.binarySearch(sortedIds, id);
        return k < 0 ? -1 : index[k];
    }

    private long id(DataInputStream in) throws IOException {
        return idSize == 4 ? Integer.toUnsignedLong(in.readInt()) : in.readLong();
    }

    private int valueSize(int type) {
        return type == 2 ? idSize : primitiveSize(type);
    }

    private static int primitiveSize(int type) {
        return switch (type) {
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    private static long align(long size) {
        return (size + 7) & ~7L;
    }
}
