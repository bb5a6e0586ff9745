package dev.springlit.runtime.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

import dev.springlit.UploadedFile;

/**
 * One session value as Java serialization writes it, with uploads written as their id: their content has limits
 * of its own and stays on this node (see {@link StateSizeLimit}), and whether the value held one.
 */
record ValueBytes(byte[] bytes, boolean holdsUpload) {

    /** {@code value}'s bytes, or {@code null} when it cannot be serialized. */
    static ValueBytes of(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (UploadsAsIds out = new UploadsAsIds(bytes)) {
            out.writeObject(value);
            out.flush();
            return new ValueBytes(bytes.toByteArray(), out.sawUpload);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final class UploadsAsIds extends ObjectOutputStream {

        boolean sawUpload;

        UploadsAsIds(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object object) {
            if (object instanceof UploadedFile file) {
                sawUpload = true;
                return file.id();
            }
            return object;
        }
    }
}
