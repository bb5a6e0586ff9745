package dev.springlit.runtime.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamConstants;
import java.io.OutputStream;

import dev.springlit.UploadedFile;

/**
 * Java serialization of one session value at a time into bytes of its own (a whole stream: header, then the
 * object), on one {@link ObjectOutputStream} that a thread keeps and resets between values: a new stream costs
 * about 1.4 KB of buffers and tables, and a counter click used to build two. The bytes are exactly what a new stream
 * writes (its handles are cleared before each value). Uploads are written as their id (see {@link ValueBytes}).
 * <p>
 * Threading: one writer per thread; a value whose own {@code writeObject} writes another value through here gets a
 * writer of its own for that. A writer that failed, or whose buffer grew past {@link #KEPT_BUFFER}, is dropped.
 */
final class ValueWriter {

    /** What every stream starts with, written once by the stream's constructor and put back before each value. */
    private static final byte[] HEADER = {
            (byte) (ObjectStreamConstants.STREAM_MAGIC >>> 8), (byte) ObjectStreamConstants.STREAM_MAGIC,
            (byte) (ObjectStreamConstants.STREAM_VERSION >>> 8), (byte) ObjectStreamConstants.STREAM_VERSION};
    /** A buffer that grew past this for a large value is not kept on the thread. */
    static final int KEPT_BUFFER = 16 * 1024;

    private static final ThreadLocal<ValueWriter> OF_THREAD = new ThreadLocal<>();

    private final Buffer buffer = new Buffer();
    private final UploadsAsIds out;
    private boolean busy;

    private ValueWriter() throws IOException {
        out = new UploadsAsIds(buffer);
    }

    /** {@code value}'s bytes, or {@code null} when it cannot be serialized. */
    static ValueBytes write(Object value) {
        ValueWriter writer = OF_THREAD.get();
        try {
            if (writer == null || writer.busy) {
                ValueWriter fresh = new ValueWriter();
                if (writer == null) {
                    OF_THREAD.set(fresh);
                }
                writer = fresh;
            }
        } catch (IOException e) {
            return null; // a stream over a byte array writes its header without fail
        }
        ValueBytes bytes = writer.writeOne(value);
        if (bytes == null || writer.buffer.capacity() > KEPT_BUFFER) {
            if (OF_THREAD.get() == writer) {
                OF_THREAD.set(null); // a stream that failed may hold half a value; a big buffer is not worth keeping
            }
        }
        return bytes;
    }

    private ValueBytes writeOne(Object value) {
        busy = true;
        try {
            out.reset(); // forgets the handles of the last value (and writes a reset mark, dropped just below)
            out.flush();
            buffer.reset();
            out.sawUpload = false;
            out.writeObject(value);
            out.flush();
            return new ValueBytes(buffer.withHeader(), out.sawUpload);
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            busy = false;
        }
    }

    /** The bytes written since the last reset, and how large the array behind them has grown. */
    private static final class Buffer extends ByteArrayOutputStream {

        Buffer() {
            super(256);
        }

        byte[] withHeader() {
            byte[] bytes = new byte[HEADER.length + count];
            System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
            System.arraycopy(buf, 0, bytes, HEADER.length, count);
            return bytes;
        }

        int capacity() {
            return buf.length;
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
