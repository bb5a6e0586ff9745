package dev.springlit.runtime;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.springlit.UploadedFile;

/**
 * A session's uploaded files and downloadable data. Both are reached over HTTP by the session id, which only
 * the owning tab knows; an upload is kept while its widget's value refers to it.
 */
public final class SessionFiles {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    /** A file a download button offers. */
    public record Download(byte[] data, String fileName, String mimeType) {
    }

    private record Upload(String widgetId, UploadedFile file) {
    }

    private final Map<String, Upload> uploads = new HashMap<>();
    private final Map<String, Download> downloads = new HashMap<>();
    private final Map<String, List<String>> acceptedTypes = new HashMap<>();

    /** Records which file extensions the uploader {@code widgetId} takes (empty: any). */
    synchronized void accept(String widgetId, List<String> extensions) {
        acceptedTypes.put(widgetId, extensions);
    }

    /** Whether {@code widgetId} is an uploader of this session that takes a file called {@code name}. */
    public synchronized boolean accepts(String widgetId, String name) {
        List<String> types = acceptedTypes.get(widgetId);
        if (types == null) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return types.isEmpty() || types.contains(extension);
    }

    /** Stores an upload for {@code widgetId} and returns it (with its new random id). */
    public synchronized UploadedFile upload(String widgetId, String name, String contentType, byte[] bytes) {
        byte[] random = new byte[16];
        RANDOM.get().nextBytes(random);
        UploadedFile file = new UploadedFile(Base64.getUrlEncoder().withoutPadding().encodeToString(random), name,
                contentType, bytes);
        uploads.put(file.id(), new Upload(widgetId, file));
        return file;
    }

    /**
     * The files with these ids uploaded for {@code widgetId}; the widget's other uploads are dropped, since its
     * value no longer refers to them.
     */
    synchronized List<UploadedFile> resolve(String widgetId, Collection<String> ids) {
        List<UploadedFile> files = new ArrayList<>();
        for (String id : ids) {
            Upload upload = uploads.get(id);
            if (upload == null || !upload.widgetId().equals(widgetId)) {
                throw new IllegalArgumentException("there is no uploaded file \"" + id + "\" for this widget");
            }
            files.add(upload.file());
        }
        Set<String> kept = Set.copyOf(ids);
        uploads.values().removeIf(u -> u.widgetId().equals(widgetId) && !kept.contains(u.file().id()));
        return files;
    }

    /** Offers {@code download} for the download button {@code widgetId} (replacing what it offered before). */
    synchronized void offer(String widgetId, Download download) {
        downloads.put(widgetId, download);
    }

    /** What the download button {@code widgetId} offers, or {@code null}. */
    public synchronized Download download(String widgetId) {
        return downloads.get(widgetId);
    }

    /** Bytes held, for tests and metrics. */
    public synchronized long size() {
        long total = 0;
        for (Upload upload : uploads.values()) {
            total += upload.file().size();
        }
        for (Download download : downloads.values()) {
            total += download.data().length;
        }
        return total;
    }
}
