package dev.springlit.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import dev.springlit.support.LogText;

/**
 * Turns a {@link SessionSnapshot} into bytes and back. The bytes are a header (magic and format version) and the
 * snapshot's {@link SnapshotParts}, each a Java serialization stream of its own (so a node serializes only the
 * values a run changed, and reuses the bytes of the rest); reading applies an {@link java.io.ObjectInputFilter} allow-list, checked before any
 * class is initialized, so tampered bytes cannot run code. Allowed: JDK value types (String, boxed primitives,
 * BigDecimal, BigInteger, java.time), {@code java.util} collections including the immutable ones, arrays of
 * these, {@code dev.springlit.Range}, and the application packages given (each with its subpackages).
 *
 * <pre>{@code
 * SnapshotCodec codec = new SnapshotCodec(getClass().getClassLoader(), List.of("com.example.shop"));
 * byte[] bytes = codec.encode(snapshot);
 * SessionSnapshot again = codec.decode(bytes); // or UnreadableSessionException
 * }</pre>
 *
 * <p>Thread-safe. Classes are resolved with the class loader given, so a DevTools restart reads values with
 * its new loader.
 */
public final class SnapshotCodec {

    /** The format version this code writes and reads; a change to SessionSnapshot's shape bumps it. */
    public static final int FORMAT = 3;

    private static final byte[] MAGIC = {'S', 'P', 'L', 'S'};
    /** What every snapshot starts with: the magic, then the format. */
    private static final byte[] HEADER_BYTES = {'S', 'P', 'L', 'S', FORMAT};
    private static final int HEADER = SnapshotParts.HEADER;
    private static final Log log = LogFactory.getLog(SnapshotCodec.class);

    private final ClassLoader loader;
    private final AllowList allowList;
    private final SnapshotLimits limits;

    /** A codec with the {@link SnapshotLimits#defaults() default limits}. */
    public SnapshotCodec(ClassLoader loader, Collection<String> applicationPackages) {
        this(loader, applicationPackages, SnapshotLimits.defaults());
    }

    /**
     * @throws IllegalArgumentException for an application package that would allow too much (a one-part name,
     *                                  or one in the JDK's, Spring's or Springlit's namespaces)
     */
    public SnapshotCodec(ClassLoader loader, Collection<String> applicationPackages, SnapshotLimits limits) {
        this.loader = loader;
        this.allowList = new AllowList(List.copyOf(applicationPackages), limits);
        this.limits = limits;
    }

    /**
     * The bytes for {@code snapshot}: its {@link SnapshotParts}, each value serialized on its own.
     *
     * @throws IllegalArgumentException when a value cannot be serialized or the result is larger than the
     *                                  limit, so nothing is stored that could not be read back
     */
    public byte[] encode(SessionSnapshot snapshot) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(SnapshotParts.META, encodeMeta(snapshot));
        snapshot.values().forEach((key, value) -> parts.put(SnapshotParts.keyed(key), encodeValue(value)));
        snapshot.unkeyedValues().forEach((id, value) -> parts.put(SnapshotParts.unkeyed(id), encodeValue(value)));
        return frame(parts);
    }

    /** The {@link SnapshotParts#META} part of {@code snapshot}: everything but its values. */
    public byte[] encodeMeta(SessionSnapshot snapshot) {
        return serialize(new SessionSnapshot(Map.of(), Map.of(), snapshot.widgets(), snapshot.pagePath(),
                snapshot.query(), snapshot.lastSeq(), snapshot.user(), snapshot.filesLeftBehind(),
                snapshot.rerunRequested()));
    }

    /** One value's part: its Java serialization. */
    public byte[] encodeValue(Object value) {
        return serialize(value);
    }

    private static byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("A session value of type " + e.getMessage()
                    + " cannot be serialized, so the session cannot be stored.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("The session could not be serialized: " + e, e);
        }
        return bytes.toByteArray();
    }

    /**
     * The stored form of a session made of {@code parts} (serialized by {@link #encodeMeta}, {@link #encodeValue}
     * or, for values, any Java serialization of one object), without serializing anything again.
     *
     * @throws IllegalArgumentException when the result is larger than the limit
     */
    public byte[] frame(Map<String, byte[]> parts) {
        byte[] bytes = SnapshotParts.join(HEADER_BYTES, parts);
        if (bytes.length > limits.maxBytes()) {
            throw new IllegalArgumentException("The session's state takes " + bytes.length + " bytes, more than "
                    + "the " + limits.maxBytes() + " a stored session may have.");
        }
        return bytes;
    }

    /**
     * The snapshot in {@code bytes}.
     *
     * @throws UnreadableSessionException when the bytes are not a snapshot of this format, are corrupt, exceed
     *                                    the limits, or name a class outside the allow-list (logged here, without
     *                                    the data)
     */
    public SessionSnapshot decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw refused("it is not Springlit session data (no Springlit header)", null);
        }
        int format = bytes[MAGIC.length] & 0xFF;
        if (format != FORMAT) {
            throw refused("it was written in format " + format + " and this version reads format " + FORMAT, null);
        }
        if (bytes.length > limits.maxBytes()) {
            throw refused("it is " + bytes.length + " bytes long, more than the limit of " + limits.maxBytes(), null);
        }
        Map<String, byte[]> parts;
        try {
            parts = SnapshotParts.parse(bytes, HEADER, bytes.length, (int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        } catch (IllegalArgumentException e) {
            throw refused("its parts are corrupt (" + e.getMessage() + ")", null);
        }
        byte[] meta = parts.remove(SnapshotParts.META);
        if (meta == null) {
            throw refused("it has no meta part", null);
        }
        if (!(read(meta) instanceof SessionSnapshot snapshot)) {
            throw refused("its meta part is not a session snapshot", null);
        }
        Map<String, Object> values = new HashMap<>();
        Map<String, Object> unkeyed = new HashMap<>();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            String name = part.getKey();
            Map<String, Object> holder = name.startsWith("k:") ? values : name.startsWith("u:") ? unkeyed : null;
            if (holder == null) {
                throw refused("it has a part of an unknown kind", null);
            }
            holder.put(name.substring(2), read(part.getValue()));
        }
        try {
            return new SessionSnapshot(values, unkeyed, snapshot.widgets(), snapshot.pagePath(), snapshot.query(),
                    snapshot.lastSeq(), snapshot.user(), snapshot.filesLeftBehind(), snapshot.rerunRequested());
        } catch (RuntimeException e) {
            throw refused("it is inconsistent (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** One part's object, read through the allow-list. */
    private Object read(byte[] part) {
        AtomicReference<String> refusal = new AtomicReference<>();
        ByteArrayInputStream input = new ByteArrayInputStream(part);
        try (ObjectInputStream in = new LoaderObjectInputStream(input, loader)) {
            in.setObjectInputFilter(info -> {
                String why = allowList.refusal(info);
                if (why != null) {
                    refusal.compareAndSet(null, why);
                    return java.io.ObjectInputFilter.Status.REJECTED;
                }
                return java.io.ObjectInputFilter.Status.ALLOWED;
            });
            Object value = in.readObject();
            if (input.available() > 0) {
                throw refused("it has " + input.available() + " bytes after a part", null);
            }
            return value;
        } catch (UnreadableSessionException e) {
            throw e;
        } catch (InvalidClassException e) {
            String why = refusal.get();
            throw refused(why != null ? why : "it names an incompatible class (" + LogText.clean(e.getMessage()) + ")", e);
        } catch (ClassNotFoundException e) {
            throw refused("it names a class this application does not have: " + LogText.clean(e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            String why = refusal.get();
            throw refused(why != null ? why : "it is corrupt (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static UnreadableSessionException refused(String why, Throwable cause) {
        String message = "Stored session data was refused: " + why + ". The session starts fresh.";
        // the cause's message may quote the data; only its type is logged
        log.warn(cause == null ? message : message + " [" + cause.getClass().getName() + "]");
        return new UnreadableSessionException(message, cause);
    }

    /** Resolves classes with the application's loader (the restart loader under DevTools), never initializing them. */
    private static final class LoaderObjectInputStream extends ObjectInputStream {

        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc); // primitive types' descriptors
            }
        }
    }
}
