package dev.springlit.runtime.run;

/**
 * One session value as Java serialization writes it (a stream of its own, see {@link ValueWriter}), with uploads
 * written as their id: their content has limits of its own and stays on this node (see {@link StateSizeLimit}), and
 * whether the value held one.
 */
record ValueBytes(byte[] bytes, boolean holdsUpload) {

    /** {@code value}'s bytes, or {@code null} when it cannot be serialized. */
    static ValueBytes of(Object value) {
        return ValueWriter.write(value);
    }
}
