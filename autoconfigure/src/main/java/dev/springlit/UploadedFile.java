package dev.springlit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Objects;

/**
 * A file the user uploaded with {@code st.fileUploader}: its name, type and bytes. It belongs to the tab
 * that uploaded it; no other tab can read it.
 *
 * <pre>{@code
 * UploadedFile file = st.fileUploader("Upload a CSV", o -> o.type("csv"));
 * if (file != null) st.write(file.name(), "has", file.size(), "bytes");
 * }</pre>
 */
public final class UploadedFile implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final String contentType;
    private final byte[] bytes;

    public UploadedFile(String id, String name, String contentType, byte[] bytes) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.contentType = contentType == null ? "application/octet-stream" : contentType;
        this.bytes = bytes.clone();
    }

    /** The id the browser refers to this upload by. */
    public String id() {
        return id;
    }

    /** The file's name as the user's computer had it. */
    public String name() {
        return name;
    }

    /** The MIME type the browser reported. */
    public String contentType() {
        return contentType;
    }

    /** The size in bytes. */
    public long size() {
        return bytes.length;
    }

    /** A copy of the content. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The content as a stream. */
    public InputStream inputStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UploadedFile file && file.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "UploadedFile[" + name + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}
