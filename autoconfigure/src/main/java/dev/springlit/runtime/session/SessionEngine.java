package dev.springlit.runtime.session;

import java.util.List;

import dev.springlit.runtime.draw.DrawTools;
import dev.springlit.runtime.page.PageAccess;
import dev.springlit.runtime.run.RunObserver;
import dev.springlit.runtime.run.RunServices;
import dev.springlit.runtime.run.RuntimeSettings;
import dev.springlit.runtime.upload.FileRoutes;

/**
 * The engine as its sessions see it, and the sessions' part of the engine's life: the settings, what runs and
 * drawers get engine-wide, where files are served, where sessions are kept beyond this node, and the registry of
 * live sessions. One per engine; {@code SpringlitEngine} builds it and delegates to it, so nothing in this package
 * reaches the engine itself.
 * <p>
 * Threading: the file routes and the persistence are volatile, set once at startup and read by every thread;
 * the rest is fixed at construction.
 */
public final class SessionEngine {

    private final RuntimeSettings settings;
    private final RunServices runServices;
    private final DrawTools drawTools;
    private final SessionRegistry sessions;
    private final SessionOpening opening;
    private volatile FileRoutes fileRoutes = FileRoutes.UNSERVED;
    private volatile SessionPersistence persistence = SessionPersistence.NONE;

    public SessionEngine(RuntimeSettings settings, RunServices runServices, DrawTools drawTools) {
        this.settings = settings;
        this.runServices = runServices;
        this.drawTools = drawTools;
        this.sessions = new SessionRegistry(this);
        this.opening = new SessionOpening(sessions);
    }

    RuntimeSettings settings() {
        return settings;
    }

    RunServices runServices() {
        return runServices;
    }

    DrawTools drawTools() {
        return drawTools;
    }

    RunObserver observer() {
        return runServices.observer();
    }

    PageAccess access() {
        return runServices.access();
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    /** Which session a tab that says hello gets (the reuse policy, S1.3–S1.5). */
    public SessionOpening opening() {
        return opening;
    }

    public FileRoutes fileRoutes() {
        return fileRoutes;
    }

    public void setFileRoutes(FileRoutes fileRoutes) {
        this.fileRoutes = fileRoutes == null ? FileRoutes.UNSERVED : fileRoutes;
    }

    SessionPersistence persistence() {
        return persistence;
    }

    /** Where sessions are kept beyond this engine (S9); none by default. Set before the first tab connects. */
    public void setPersistence(SessionPersistence persistence) {
        this.persistence = persistence == null ? SessionPersistence.NONE : persistence;
        this.persistence.start(sessions);
    }

    /** The housekeeping thread's sweep: ends sessions whose tab has been gone too long. */
    public void expireParked() {
        sessions.expireParked();
    }

    /** This node is stopping (S9.7): saves every session and tells its tab to reconnect elsewhere ({@code reason}). */
    public void leave(String reason) {
        List<Session> all = sessions.all();
        persistence.saveAll(all);
        for (Session session : all) {
            sessions.handOver(session, reason);
        }
    }

    /**
     * The engine closes: unless it {@code left} already, sessions are saved and those stored in a shared store let
     * go (S9.6); then every session ends here.
     */
    public void close(boolean left) {
        if (!left) {
            persistence.saveAll(sessions.all());
            persistence.letGo(sessions);
        }
        persistence.close();
        sessions.destroyAll();
    }
}
