package dev.springlit.runtime.session;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.springlit.runtime.upload.SessionFiles;

/**
 * What a session holds besides its state, created on first use and let go of when it ends: its
 * {@code @StreamlitSessionScope} beans, its uploads and downloads, the S4.7 warnings it already showed, and the
 * widget values a tab re-sent after the server lost its session (S1.5).
 * <p>
 * Threading: any thread; everything is guarded by this object's monitor, never held while calling out.
 */
final class SessionResources {

    private SessionBeans beans;
    private SessionFiles files;
    private Set<String> warnedKeys;
    /** Widget values a tab re-sent after the server lost its session (S1.5), by widget id, until drawn. */
    private Map<String, Object> restored;
    private boolean released;

    synchronized SessionBeans beans() {
        if (beans == null) {
            beans = new SessionBeans();
        }
        return beans;
    }

    synchronized SessionFiles files() {
        if (files == null) {
            files = new SessionFiles();
            if (released) {
                files.discardAll(); // a late upload request must not leave files behind a gone session
            }
        }
        return files;
    }

    /** Whether the S4.7 warning for {@code key} is still to be shown (once per session and key). */
    synchronized boolean firstWarningFor(String key) {
        if (warnedKeys == null) {
            warnedKeys = new HashSet<>();
        }
        return warnedKeys.add(key);
    }

    /** S1.5: keeps the values the tab re-sent; each is used once, when a widget with that id is drawn. */
    synchronized void restore(Map<String, Object> values) {
        restored = new HashMap<>(values);
    }

    /** The restored browser value for {@code widgetId}, taken (used once), or {@code null}. */
    synchronized Object takeRestored(String widgetId) {
        if (restored == null) {
            return null;
        }
        Object value = restored.remove(widgetId);
        if (restored.isEmpty()) {
            restored = null;
        }
        return value;
    }

    /** The session ended: beans are destroyed and files discarded (outside this monitor). */
    void release() {
        SessionBeans owned = releaseKeepingBeans();
        if (owned != null) {
            owned.destroy();
        }
    }

    /**
     * The session ended on this node: files are discarded and its beans returned, not destroyed, for whoever
     * ends the session for good to destroy (S9.6: once, on one node); {@code null} when it had none.
     */
    SessionBeans releaseKeepingBeans() {
        SessionBeans owned;
        SessionFiles ownedFiles;
        synchronized (this) {
            released = true;
            owned = beans;
            beans = null;
            ownedFiles = files;
            files = null;
        }
        if (ownedFiles != null) {
            ownedFiles.discardAll(); // uploads' memory and temporary files go with the session
        }
        return owned;
    }
}
