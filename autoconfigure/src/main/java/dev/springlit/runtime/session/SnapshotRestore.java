package dev.springlit.runtime.session;

import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.run.SessionData;
import dev.springlit.runtime.widget.DrawnElsewhere;
import dev.springlit.runtime.widget.WidgetMeta;
import dev.springlit.store.SessionSnapshot;
import dev.springlit.store.SessionStore;
import dev.springlit.store.SessionStoreException;
import dev.springlit.store.SnapshotCodec;
import dev.springlit.store.StoredSession;
import dev.springlit.store.UnreadableSessionException;
import dev.springlit.store.WidgetSnapshot;

/**
 * Loading a stored session into a live one (S9.2): the record is read, its user checked, claimed for this node and
 * decoded, and the committed state the live session starts with is rebuilt from it. Stored data is untrusted:
 * what cannot be read is refused and logged, and the tab starts afresh.
 * <p>
 * Threading: called on the connection thread of the tab whose hello names the session; the store is thread-safe.
 */
final class SnapshotRestore {

    private static final Log log = LogFactory.getLog(SnapshotRestore.class);

    /** A session claimed from the store: its record (version, last interaction) and its state. */
    record TakenOver(StoredSession stored, SessionSnapshot snapshot) {
    }

    private final SessionStore store;
    private final SnapshotCodec codec;
    private final String node;
    private final Duration ttl;
    /** Whether the store is shared: otherwise a record is kept for one restart only and released once taken. */
    private final boolean shared;
    private final RefusalWarnings storeWarnings;

    SnapshotRestore(SessionStore store, SnapshotCodec codec, String node, Duration ttl, boolean shared,
                    RefusalWarnings storeWarnings) {
        this.store = store;
        this.codec = codec;
        this.node = node;
        this.ttl = ttl;
        this.shared = shared;
        this.storeWarnings = storeWarnings;
    }

    /**
     * The state a session this node does not know had in the store, claimed for this node; empty when there is
     * none (or no store), it belongs to another user, or it cannot be read (tampered or foreign data: logged).
     *
     * @throws SessionStoreException when the store cannot say (the tab should try again, not start afresh)
     */
    Optional<TakenOver> takeOver(String sessionId, Principal user) {
        if (store == null) {
            return Optional.empty();
        }
        String tag = SessionTag.of(sessionId);
        try {
            Optional<StoredSession> found = store.load(sessionId);
            if (found.isEmpty() || found.get().isEmpty()) {
                return Optional.empty();
            }
            SessionSnapshot snapshot = codec.decode(found.get().snapshot());
            if (snapshot.user() != null && (user == null || !snapshot.user().equals(user.getName()))) {
                log.warn("Springlit did not take over stored session " + tag + ": the tab's user is not its user");
                return Optional.empty();
            }
            StoredSession claimed = store.claim(sessionId, node, ttl);
            if (!Arrays.equals(claimed.snapshot(), found.get().snapshot())) {
                snapshot = codec.decode(claimed.snapshot()); // committed meanwhile by its previous owner
            }
            if (!shared) {
                store.release(sessionId, claimed.version()); // kept for one restart only: the session is live again
            }
            return Optional.of(new TakenOver(claimed, snapshot));
        } catch (UnreadableSessionException refused) {
            log.warn("Springlit refused the stored state of session " + tag + " and starts the tab afresh: "
                    + refused.getMessage());
            return Optional.empty();
        } catch (SessionStoreException failed) {
            // the session may well be there: the tab is asked to come back rather than given a fresh one
            storeWarnings.warn("Springlit could not read session " + tag + " from the session store; its tab is "
                    + "asked to reconnect: " + failed.getMessage());
            throw failed;
        } catch (IllegalArgumentException malformed) {
            log.warn("Springlit could not take over session " + tag + ": " + malformed.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The committed state a session taken over starts with; its widgets are known but not drawn here (see
     * {@link DrawnElsewhere}) until a run draws them.
     */
    static SessionData committedState(SessionSnapshot snapshot) {
        Map<String, WidgetMeta> widgets = new HashMap<>();
        for (WidgetSnapshot widget : snapshot.widgets().values()) {
            WidgetKind kind = kindOrNull(widget.kind());
            if (kind == null) {
                continue; // a kind this version does not draw: its first run here decides what exists
            }
            widgets.put(widget.id(), DrawnElsewhere.meta(widget.id(), widget.key(), kind, widget.order(),
                    widget.trigger(), widget.form(), widget.defaultValue(), widget.callback()));
        }
        return new SessionData(new HashMap<>(snapshot.values()), new HashMap<>(snapshot.unkeyedValues()), widgets);
    }

    private static WidgetKind kindOrNull(String wireName) {
        try {
            return WidgetKind.of(wireName);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
