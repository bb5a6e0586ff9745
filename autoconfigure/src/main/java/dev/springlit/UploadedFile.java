package dev.springlit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

import dev.springlit.support.FileNames;

/**
 * A file the user uploaded with {@code st.fileUploader}: its name, type and content. It belongs to the tab
 * that uploaded it; no other tab can read it.
 *
 * <pre>{@code
 * UploadedFile file = st.fileUploader("Upload a CSV", o -> o.type("csv"));
 * if (file != null) st.write(file.name(), "has", file.size(), "bytes");
 * }</pre>
 *
 * <p>Small uploads are kept in memory; larger ones ({@code streamlit.server.upload-spool-threshold}, 256 KB by
 * default) lie in a temporary file that Springlit deletes when the tab replaces or removes the file, when the
 * session ends, and when the application stops. {@link #bytes()} loads such a file into memory on each call,
 * so read a big file as a stream:
 *
 * <pre>{@code
 * try (var lines = new BufferedReader(new InputStreamReader(file.inputStream(), UTF_8))) {
 *     st.write("Rows:", lines.lines().count());
 * }
 * }</pre>
 *
 * <p>{@link #name()} is exactly what the browser sent, which a hostile client chooses freely
 * ({@code ../../etc/passwd}, control characters, right-to-left overrides that disguise an extension): show it,
 * but use {@link #safeName()} to name a file on disk.
 */
public final class UploadedFile implements Serializable {

    private static final long serialVersionUID = 2L;

    private final String id;
    private final String name;
    private final String contentType;
    private final long size;
    /** The content when it is held in memory, else {@code null}. */
    private final byte[] bytes;
    /**
     * The temporary file holding the content when it is not in memory, else {@code null}; a String, since a
     * Path is not serializable (a serialized spooled upload is a reference to its file on this machine).
     */
    private final String file;

    /** An upload held in memory (the bytes are copied). */
    public UploadedFile(String id, String name, String contentType, byte[] bytes) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.contentType = contentType == null ? "application/octet-stream" : contentType;
        this.bytes = bytes.clone();
        this.size = bytes.length;
        this.file = null;
    }

    /**
     * An upload whose {@code size} bytes of content lie in {@code file}, read on demand (Springlit spools large
     * uploads this way). Whoever created the file deletes it; reading it afterwards throws.
     */
    public UploadedFile(String id, String name, String contentType, Path file, long size) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.contentType = contentType == null ? "application/octet-stream" : contentType;
        this.bytes = null;
        this.size = size;
        this.file = file.toAbsolutePath().toString();
    }

    /** The id the browser refers to this upload by. */
    public String id() {
        return id;
    }

    /**
     * The file's name exactly as the browser sent it. A client can send anything here (path segments such as
     * {@code ../../x}, NUL and other control characters, bidi overrides): fine to show (Springlit escapes what
     * pages show), never to use as a path; see {@link #safeName()}.
     */
    public String name() {
        return name;
    }

    /**
     * The name made safe to use as one file name on disk: the last path segment of {@link #name()}, without
     * control, bidi and other invisible characters or characters Windows forbids, without leading dots (no
     * hidden files, no {@code ..}) or trailing dots and spaces, a reserved device name such as {@code CON}
     * prefixed with {@code _}, at most 80 characters (the extension kept), never empty ({@code "file"}).
     * Two different uploads may get the same safe name; add something unique when that matters.
     *
     * <pre>{@code
     * Files.copy(file.inputStream(), uploadsDir.resolve(file.safeName()));
     * }</pre>
     */
    public String safeName() {
        return FileNames.safe(name);
    }

    /** The MIME type the browser reported. */
    public String contentType() {
        return contentType;
    }

    /** The size in bytes. */
    public long size() {
        return size;
    }

    /**
     * A copy of the content. For a file kept on disk this reads the whole file into memory on each call;
     * prefer {@link #inputStream()} for big files.
     *
     * @throws UncheckedIOException when the content is gone (the tab replaced or removed the file, or its
     *                              session ended) or cannot be read
     */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * The content as a stream, read from memory or straight from the temporary file, so a big upload never has
     * to fit in memory. Close it when done (try-with-resources).
     *
     * @throws UncheckedIOException when the content is gone (the tab replaced or removed the file, or its
     *                              session ended) or cannot be read
     */
    public InputStream inputStream() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(Path.of(file));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private UncheckedIOException unreadable(IOException e) {
        String why = e instanceof NoSuchFileException
                ? "it is no longer available (its tab replaced or removed it, or the session ended)"
                : "it cannot be read (" + e + ")";
        return new UncheckedIOException("The uploaded file \"" + FileNames.forHeader(name) + "\" (" + id + "): " + why,
                e);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UploadedFile upload && upload.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "UploadedFile[" + name + ", " + contentType + ", " + size + " bytes]";
    }
}
