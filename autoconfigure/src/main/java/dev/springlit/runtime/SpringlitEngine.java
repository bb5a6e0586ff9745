package dev.springlit.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page runtime of one application: its pages, settings and sessions, the executor runs use, and the
 * housekeeping that streams slow runs' output and ends abandoned sessions.
 */
public final class SpringlitEngine implements AutoCloseable {

    /** How often the output of a run still going is sent: long pages show progress. */
    static final long FLUSH_INTERVAL_MS = 50;

    private final PageRegistry pages;
    private final RuntimeSettings settings;
    private final ObjectWriter jsonWriter;
    private final DataElements dataElements;
    private final ExecutorService runExecutor;
    private final ScheduledExecutorService housekeeping;
    private final SessionRegistry sessions;
    private final Set<Session> running = ConcurrentHashMap.newKeySet();
    private volatile RunObserver observer = RunObserver.NONE;
    private volatile PageAccess access = PageAccess.OPEN;
    private volatile StateSizeLimit stateSizeLimit = StateSizeLimit.NONE;

    public SpringlitEngine(PageRegistry pages, RuntimeSettings settings, JsonMapper jsonMapper) {
        this.pages = pages;
        this.settings = settings;
        this.jsonWriter = jsonMapper.writerWithDefaultPrettyPrinter();
        this.dataElements = new DataElements(jsonMapper);
        this.runExecutor = RunExecutors.create(RunExecutors.POOL_SIZE, settings.virtualThreads());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "springlit-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        this.sessions = new SessionRegistry(this);
        housekeeping.scheduleWithFixedDelay(this::flushRunning, FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        long sweepMs = Math.max(100, Math.min(5_000, settings.disconnectedSessionTtl().toMillis() / 4));
        housekeeping.scheduleWithFixedDelay(sessions::expireParked, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
    }

    public PageRegistry pages() {
        return pages;
    }

    public RuntimeSettings settings() {
        return settings;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    /** Who hears about runs and messages (metrics); {@link RunObserver#NONE} by default. */
    public RunObserver observer() {
        return observer;
    }

    public void setObserver(RunObserver observer) {
        this.observer = observer == null ? RunObserver.NONE : observer;
    }

    DataElements dataElements() {
        return dataElements;
    }

    /** Who may open which page (Spring Security's rules when present). */
    public PageAccess access() {
        return access;
    }

    public void setAccess(PageAccess access) {
        this.access = access == null ? PageAccess.OPEN : access;
    }

    /**
     * Limits each session's state to {@code maxBytes} as Java serialization writes it
     * ({@code streamlit.runner.max-session-state-size}); 0 or less: no limit (the default).
     */
    public void setMaxSessionStateSize(long maxBytes) {
        this.stateSizeLimit = new StateSizeLimit(maxBytes);
    }

    StateSizeLimit stateSizeLimit() {
        return stateSizeLimit;
    }

    ObjectWriter jsonWriter() {
        return jsonWriter;
    }

    ExecutorService runExecutor() {
        return runExecutor;
    }

    void runStarted(Session session) {
        running.add(session);
    }

    void runEnded(Session session) {
        running.remove(session);
    }

    private void flushRunning() {
        for (Session session : running) {
            try {
                session.flushIfFree(session.runCount());
            } catch (RuntimeException e) {
                org.apache.commons.logging.LogFactory.getLog(SpringlitEngine.class)
                        .warn("Streaming a running page's output failed", e);
            }
        }
    }

    /** Ends every session and stops the threads. */
    @Override
    public void close() {
        sessions.destroyAll();
        housekeeping.shutdownNow();
        runExecutor.shutdownNow();
    }
}
