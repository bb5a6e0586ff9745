package dev.springlit.runtime.upload;

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
     * Reads {@code body} to its end into a new upload of at most {@code limit} bytes. When the client declared
     * the length, the whole of it is reserved before anything is read, so concurrent uploads are served first
     * come, first served instead of all failing halfway when the budget runs out.
     *
     * @param declared the request's Content-Length, or -1
     * @throws UploadRefusedException past {@code limit} (read no further) or past a server-wide budget; nothing
     *                                is kept then
     * @throws IOException            when the client breaks off or the temporary file cannot be written
     */
    public StoredUpload receive(InputStream body, long limit, long declared, String name, String contentType)
            throws IOException, UploadRefusedException {
        Receiving upload = new Receiving();
        try {
            if (declared >= 0 && declared <= limit) {
                upload.reserve(declared);
            }
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

        /** Reserves room for {@code declared} bytes up front: in memory if small and it fits, else on disk. */
        void reserve(long declared) throws IOException, UploadRefusedException {
            if ((declared <= spoolThreshold || disk.max() <= 0) && reserveMemoryUpTo(declared)) {
                return;
            }
            if (disk.max() <= 0) {
                throw full("streamlit.server.max-upload-memory");
            }
            reserveDiskUpTo(declared);
            spoolWhatIsInMemory();
        }

        void add(byte[] chunk, int n, long limit) throws IOException, UploadRefusedException {
            total += n;
            if (total > limit) {
                throw new UploadRefusedException(UploadRefusedException.Reason.TOO_LARGE, "over " + limit + " bytes");
            }
            if (toFile == null) {
                boolean mayStayInMemory = total <= spoolThreshold || disk.max() <= 0;
                if (mayStayInMemory && reserveMemoryUpTo(total)) {
                    inMemory.write(chunk, 0, n);
                    return;
                }
                spoolWhatIsInMemory();
            }
            reserveDiskUpTo(total);
            toFile.write(chunk, 0, n);
        }

        private boolean reserveMemoryUpTo(long bytes) {
            if (bytes <= memoryReserved) {
                return true;
            }
            if (!memory.tryReserve(bytes - memoryReserved)) {
                return false;
            }
            memoryReserved = bytes;
            return true;
        }

        private void reserveDiskUpTo(long bytes) throws UploadRefusedException {
            if (bytes <= diskReserved) {
                return;
            }
            if (!disk.tryReserve(bytes - diskReserved)) {
                throw full("streamlit.server.max-upload-disk");
            }
            diskReserved = bytes;
        }

        /** From now on the upload goes to a file: what was read so far moves there and leaves the heap. */
        private void spoolWhatIsInMemory() throws IOException, UploadRefusedException {
            if (disk.max() <= 0) {
                throw full("streamlit.server.max-upload-memory");
            }
            reserveDiskUpTo(inMemory.size());
            file = spool.newFile();
            toFile = Files.newOutputStream(file);
            inMemory.writeTo(toFile);
            inMemory = null;
            memory.release(memoryReserved);
            memoryReserved = 0;
        }

        private UploadRefusedException full(String limit) {
            return new UploadRefusedException(UploadRefusedException.Reason.SERVER_FULL, "The server holds as many "
                    + "uploaded files as it may right now (" + limit + "); please try again later.");
        }

        StoredUpload finish(String id, String name, String contentType) throws IOException {
            if (toFile == null) {
                memory.release(memoryReserved - total); // a declared length longer than the body
                long held = total;
                memoryReserved = 0;
                return new StoredUpload(new UploadedFile(id, name, contentType, inMemory.toByteArray()),
                        () -> memory.release(held));
            }
            toFile.close();
            toFile = null;
            Path spooled = file;
            disk.release(diskReserved - total);
            long held = total;
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
