package dev.springlit.runtime.upload;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.springlit.UploadedFile;

/**
 * An upload and what holding it costs: {@link #discard()} gives its bytes back to the shared budget and
 * deletes its temporary file, once, however often it is called.
 */
public final class StoredUpload {

    private final UploadedFile file;
    private final Runnable release;
    private final AtomicBoolean discarded = new AtomicBoolean();

    StoredUpload(UploadedFile file, Runnable release) {
        this.file = file;
        this.release = release;
    }

    /** An upload that holds nothing but its own bytes (the page tester's). */
    static StoredUpload unmanaged(UploadedFile file) {
        return new StoredUpload(file, () -> { });
    }

    public UploadedFile file() {
        return file;
    }

    /** Releases what the upload holds; later reads of a spooled file's content fail. */
    public void discard() {
        if (discarded.compareAndSet(false, true)) {
            release.run();
        }
    }
}
