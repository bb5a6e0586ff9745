package dev.springlit.runtime.upload;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.springlit.UploadedFile;

/**
 * A session's uploaded files and downloadable data. Both are reached over HTTP by the session id, which only
 * the owning tab knows; an upload is kept while its widget's value refers to it, and discarded (its memory
 * or temporary file released) when the widget's value drops it or the session ends.
 */
public final class SessionFiles {

    /** A file a download button offers. */
    public record Download(byte[] data, String fileName, String mimeType) {
    }

    private record Upload(String widgetId, StoredUpload stored) {

        UploadedFile file() {
            return stored.file();
        }
    }

    private final Map<String, Upload> uploads = new HashMap<>();
    private final Map<String, Download> downloads = new HashMap<>();
    private final Map<String, List<String>> acceptedTypes = new HashMap<>();
    private boolean closed;

    /** Records which file extensions the uploader {@code widgetId} takes (empty: any). */
    public synchronized void accept(String widgetId, List<String> extensions) {
        acceptedTypes.put(widgetId, extensions);
    }

    /** Whether {@code widgetId} is an uploader of this session that takes a file called {@code name}. */
    public synchronized boolean accepts(String widgetId, String name) {
        List<String> types = acceptedTypes.get(widgetId);
        if (types == null) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return types.isEmpty() || types.contains(extension);
    }

    /** Stores an in-memory upload for {@code widgetId} outside any budget (the page tester's) and returns it. */
    public synchronized UploadedFile upload(String widgetId, String name, String contentType, byte[] bytes) {
        UploadedFile file = new UploadedFile(UploadStore.newId(), name, contentType, bytes);
        uploads.put(file.id(), new Upload(widgetId, StoredUpload.unmanaged(file)));
        return file;
    }

    /**
     * Keeps {@code upload} for {@code widgetId} if this session then holds at most {@code maxBytes} of files
     * and has not ended; otherwise discards it and returns false.
     */
    public boolean keep(String widgetId, StoredUpload upload, long maxBytes) {
        synchronized (this) {
            if (!closed && uploadedBytes() + upload.file().size() <= maxBytes) {
                uploads.put(upload.file().id(), new Upload(widgetId, upload));
                return true;
            }
        }
        upload.discard();
        return false;
    }

    /**
     * The files with these ids uploaded for {@code widgetId}; the widget's other uploads are dropped, since its
     * value no longer refers to them.
     */
    public List<UploadedFile> resolve(String widgetId, Collection<String> ids) {
        List<UploadedFile> files = new ArrayList<>();
        List<Upload> dropped = new ArrayList<>();
        synchronized (this) {
            for (String id : ids) {
                Upload upload = uploads.get(id);
                if (upload == null || !upload.widgetId().equals(widgetId)) {
                    throw new IllegalArgumentException("there is no uploaded file \"" + id + "\" for this widget");
                }
                files.add(upload.file());
            }
            Set<String> kept = Set.copyOf(ids);
            uploads.values().removeIf(u -> {
                boolean drop = u.widgetId().equals(widgetId) && !kept.contains(u.file().id());
                if (drop) {
                    dropped.add(u);
                }
                return drop;
            });
        }
        dropped.forEach(u -> u.stored().discard()); // file deletion outside the lock
        return files;
    }

    /** The session ended: every upload is discarded, and nothing more is kept. */
    public void discardAll() {
        List<Upload> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(uploads.values());
            uploads.clear();
            downloads.clear();
        }
        all.forEach(u -> u.stored().discard());
    }

    /** Offers {@code download} for the download button {@code widgetId} (replacing what it offered before). */
    public synchronized void offer(String widgetId, Download download) {
        downloads.put(widgetId, download);
    }

    /** What the download button {@code widgetId} offers, or {@code null}. */
    public synchronized Download download(String widgetId) {
        return downloads.get(widgetId);
    }

    /** Bytes of uploads held (what the per-tab upload limit counts; downloads are the page's). */
    public synchronized long uploadedBytes() {
        long total = 0;
        for (Upload upload : uploads.values()) {
            total += upload.file().size();
        }
        return total;
    }
}
