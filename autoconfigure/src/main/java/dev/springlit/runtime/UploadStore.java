package dev.springlit.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.UploadedFile;

/**
 * Where every session's uploads are kept, within two server-wide budgets. An upload is read from the request
 * as it arrives and counted: past the caller's limit it is refused at once, without reading the rest. Up to
 * the spool threshold it stays in memory (while the memory budget allows); beyond, it goes to a temporary file
 * in the {@link SpoolDirectory} (while the disk budget allows). So the heap holds at most the memory budget of
 * uploads, whatever the number of tabs and their upload sizes.
 */
public final class UploadStore implements AutoCloseable {

    private static final Log log = LogFactory.getLog(UploadStore.class);
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);
    /** Read in pieces this size: the only memory an upload takes beyond what the budget counts. */
    private static final int CHUNK = 16 * 1024;

    private final long spoolThreshold;
    private final ByteBudget memory;
    private final ByteBudget disk;
    private final SpoolDirectory spool;

    /**
     * @param parent         where the spool directory is made
     * @param spoolThreshold uploads larger than this go to disk
     * @param maxMemory      bytes of uploads held in memory by all sessions together
     * @param maxDisk        bytes of uploads held on disk by all sessions together; 0: never spool, everything
     *                       must fit in memory
     */
    public UploadStore(Path parent, long spoolThreshold, long maxMemory, long maxDisk) {
        this.spoolThreshold = spoolThreshold;
        this.memory = new ByteBudget(maxMemory);
        this.disk = new ByteBudget(maxDisk);
        this.spool = new SpoolDirectory(parent);
    }

    /** A new upload id: 128 random bits, URL-safe, so an id is useless to guess. */
    static String newId() {
        byte[] random = new byte[16];
        RANDOM.get().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Reads {@code body} to its end into a new upload of at most {@code limit} bytes.
     *
     * @throws UploadRefusedException past {@code limit} (read no further) or past a server-wide budget; nothing
     *                                is kept then
     * @throws IOException            when the client breaks off or the temporary file cannot be written
     */
    public StoredUpload receive(InputStream body, long limit, String name, String contentType)
            throws IOException, UploadRefusedException {
        Receiving upload = new Receiving();
        try {
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = body.read(chunk)) != -1) {
                upload.add(chunk, n, limit);
            }
            StoredUpload stored = upload.finish(newId(), name, contentType);
            upload = null;
            return stored;
        } finally {
            if (upload != null) {
                upload.abandon();
            }
        }
    }

    /** Bytes of uploads held in memory now, by all sessions. */
    public long memoryHeld() {
        return memory.used();
    }

    /** Bytes of uploads held on disk now, by all sessions. */
    public long diskHeld() {
        return disk.used();
    }

    /** The directory spooled uploads go to (it exists only while some upload was spooled). */
    public Path spoolDirectory() {
        return spool.path();
    }

    /** Deletes every spooled file; on shutdown. */
    @Override
    public void close() {
        spool.close();
    }

    /** One upload while it arrives: what it has reserved so far, in memory or on disk. */
    private final class Receiving {
        private ByteArrayOutputStream inMemory = new ByteArrayOutputStream(CHUNK);
        private long memoryReserved;
        private Path file;
        private OutputStream toFile;
        private long diskReserved;
        private long total;

        void add(byte[] chunk, int n, long limit) throws IOException, UploadRefusedException {
            total += n;
            if (total > limit) {
                throw new UploadRefusedException(UploadRefusedException.Reason.TOO_LARGE, "over " + limit + " bytes");
            }
            boolean mayStayInMemory = total <= spoolThreshold || disk.max() <= 0;
            if (toFile == null && mayStayInMemory && memory.tryReserve(n)) {
                memoryReserved += n;
                inMemory.write(chunk, 0, n);
                return;
            }
            if (toFile == null) {
                spoolWhatIsInMemory();
            }
            reserveDisk(n);
            toFile.write(chunk, 0, n);
        }

        /** From now on the upload goes to a file: what was read so far moves there and leaves the heap. */
        private void spoolWhatIsInMemory() throws IOException, UploadRefusedException {
            if (disk.max() <= 0) {
                throw full("streamlit.server.max-upload-memory");
            }
            reserveDisk(inMemory.size());
            file = spool.newFile();
            toFile = Files.newOutputStream(file);
            inMemory.writeTo(toFile);
            inMemory = null;
            memory.release(memoryReserved);
            memoryReserved = 0;
        }

        private void reserveDisk(long n) throws UploadRefusedException {
            if (!disk.tryReserve(n)) {
                throw full("streamlit.server.max-upload-disk");
            }
            diskReserved += n;
        }

        private UploadRefusedException full(String limit) {
            return new UploadRefusedException(UploadRefusedException.Reason.SERVER_FULL, "The server holds as many "
                    + "uploaded files as it may right now (" + limit + "); please try again later.");
        }

        StoredUpload finish(String id, String name, String contentType) throws IOException {
            if (toFile == null) {
                long held = memoryReserved;
                memoryReserved = 0;
                return new StoredUpload(new UploadedFile(id, name, contentType, inMemory.toByteArray()),
                        () -> memory.release(held));
            }
            toFile.close();
            toFile = null;
            Path spooled = file;
            long held = diskReserved;
            file = null;
            diskReserved = 0;
            return new StoredUpload(new UploadedFile(id, name, contentType, spooled, total), () -> {
                delete(spooled);
                disk.release(held);
            });
        }

        /** The upload failed or was refused: give back everything it took. */
        void abandon() {
            memory.release(memoryReserved);
            memoryReserved = 0;
            inMemory = null;
            if (toFile != null) {
                try {
                    toFile.close();
                } catch (IOException ignored) {
                    // the file is deleted next
                }
            }
            if (file != null) {
                delete(file);
            }
            disk.release(diskReserved);
            diskReserved = 0;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the spooled upload " + file + ": " + e);
        }
    }
}
