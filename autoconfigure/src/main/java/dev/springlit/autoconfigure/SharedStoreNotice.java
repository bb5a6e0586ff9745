package dev.springlit.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.store.SessionStore;

/**
 * S9.5: a store that other instances read needs values they can read back, so it implies
 * {@code streamlit.runner.enforce-serializable-session-state}, and startup says so once.
 */
final class SharedStoreNotice {

    private static final Log log = LogFactory.getLog(SharedStoreNotice.class);

    private SharedStoreNotice() {
    }

    static boolean impliesSerializable(SessionStore store) {
        if (store == null || !store.isShared()) {
            return false;
        }
        log.info("Springlit keeps sessions in a shared store (" + store.getClass().getSimpleName() + "), so every "
                + "SessionState value must be serializable: streamlit.runner.enforce-serializable-session-state is "
                + "on.");
        return true;
    }
}
