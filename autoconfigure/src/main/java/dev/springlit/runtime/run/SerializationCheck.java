package dev.springlit.runtime.run;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/**
 * Whether a value can be written with Java serialization, tried for real into a stream that keeps nothing,
 * so an unserializable object nested deep inside a serializable one is caught too.
 */
public final class SerializationCheck {

    private SerializationCheck() {
    }

    /** Throws {@link UnserializableValueException} when {@code value} cannot be serialized. */
    public static void require(String key, Object value) {
        if (value == null) {
            return;
        }
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(value);
        } catch (IOException | RuntimeException e) {
            throw new UnserializableValueException(key, value);
        }
    }
}
