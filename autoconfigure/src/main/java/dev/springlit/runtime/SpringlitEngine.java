package dev.springlit.runtime;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.runtime.draw.DrawTools;
import dev.springlit.runtime.page.PageAccess;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.run.RunExecutors;
import dev.springlit.runtime.run.RunInterceptors;
import dev.springlit.runtime.run.RunLimits;
import dev.springlit.runtime.run.RunObserver;
import dev.springlit.runtime.run.RunServices;
import dev.springlit.runtime.run.RunThreadPool;
import dev.springlit.runtime.run.RunningRuns;
import dev.springlit.runtime.run.RuntimeSettings;
import dev.springlit.runtime.run.StateSizeLimit;
import dev.springlit.runtime.session.SessionEngine;
import dev.springlit.runtime.session.SessionOpening;
import dev.springlit.runtime.session.SessionPersistence;
import dev.springlit.runtime.session.SessionRegistry;
import dev.springlit.runtime.upload.FileRoutes;

/**
 * The page runtime of one application: its pages, settings and sessions, the executor runs use, and the
 * supervised housekeeping that streams slow runs' output, ends abandoned sessions and enforces run deadlines.
 */
public final class SpringlitEngine implements AutoCloseable {

    /** How often the output of a run still going is sent: long pages show progress. */
    static final long FLUSH_INTERVAL_MS = 50;

    private final PageRegistry pages;
    private final RuntimeSettings settings;
    private final RunServices runServices;
    private final ExecutorService runExecutor;
    private final RunLimits limits;
    private final Housekeeping housekeeping;
    /**
     * Renders and sends what slow runs drew so far, so the housekeeping thread (which also ends expired sessions
     * and watches deadlines) only schedules that work and one page's big output never delays the others' chores.
     */
    private final ExecutorService flushExecutor = Executors.newSingleThreadExecutor(runnable -> {
        Thread flusher = new Thread(runnable, "springlit-flush");
        flusher.setDaemon(true);
        return flusher;
    });
    /** Whether a flush is scheduled or going on: a slow one is not queued up again behind itself. */
    private final AtomicBoolean flushPending = new AtomicBoolean();
    /** The sessions, and what the engine gives them. */
    private final SessionEngine sessions;
    private volatile boolean leaving;
    /** The engine's own thread for runEvery timers, used unless the settings bring a scheduler (S10.2). */
    private final ThreadFragmentScheduler fragmentThread = new ThreadFragmentScheduler();

    public SpringlitEngine(PageRegistry pages, RuntimeSettings settings, JsonMapper jsonMapper) {
        this(pages, settings, jsonMapper, RunLimits.defaults());
    }

    public SpringlitEngine(PageRegistry pages, RuntimeSettings settings, JsonMapper jsonMapper, RunLimits limits) {
        this.pages = pages;
        this.settings = settings;
        this.limits = limits;
        this.runExecutor = RunExecutors.create(limits.maxThreads(), settings.virtualThreads());
        this.runServices = new RunServices(runExecutor, flushExecutor, settings.showErrorDetails(),
                settings.enforceSerializableSessionState(), settings.widgetStateDuplicationWarning(), limits,
                settings.fragmentScheduler() != null ? settings.fragmentScheduler() : fragmentThread);
        this.housekeeping = new Housekeeping(this::observer);
        this.sessions = new SessionEngine(settings, runServices,
                DrawTools.of(pages, jsonMapper, settings.showErrorDetails()));
        housekeeping.every(FLUSH_INTERVAL_MS, "flush", this::scheduleFlush);
        long sweepMs = Math.max(100, Math.min(5_000, settings.disconnectedSessionTtl().toMillis() / 4));
        housekeeping.every(sweepMs, "expire", sessions::expireParked);
        if (limits.hasDeadline()) {
            housekeeping.every(running().deadlinePeriodMs(), "deadlines", running()::checkDeadlines);
        }
    }

    public PageRegistry pages() {
        return pages;
    }

    public RuntimeSettings settings() {
        return settings;
    }

    public SessionRegistry sessions() {
        return sessions.sessions();
    }

    /** Which session a tab that says hello gets (the reuse policy, S1.3–S1.5). */
    public SessionOpening opening() {
        return sessions.opening();
    }

    /** Who hears about runs and messages (metrics); {@link RunObserver#NONE} by default. */
    public RunObserver observer() {
        return runServices.observer();
    }

    public void setObserver(RunObserver observer) {
        runServices.setObserver(observer);
    }

    /** Who may open which page (Spring Security's rules when present). */
    public PageAccess access() {
        return runServices.access();
    }

    public void setAccess(PageAccess access) {
        runServices.setAccess(access);
    }

    /** Where uploads and downloads are served (the web layer's routes; none without a web layer). */
    public FileRoutes fileRoutes() {
        return sessions.fileRoutes();
    }

    public void setFileRoutes(FileRoutes fileRoutes) {
        sessions.setFileRoutes(fileRoutes);
    }

    /** What wraps each page body and callback (the application's RunInterceptors; none by default). */
    public RunInterceptors interceptors() {
        return runServices.interceptors();
    }

    public void setInterceptors(RunInterceptors interceptors) {
        runServices.setInterceptors(interceptors);
    }

    /**
     * Limits each session's state to {@code maxBytes} as Java serialization writes it
     * ({@code streamlit.runner.max-session-state-size}); 0 or less: no limit (the default).
     */
    public void setMaxSessionStateSize(long maxBytes) {
        runServices.setStateSizeLimit(new StateSizeLimit(maxBytes));
    }

    /** The limits on run threads and run time ({@code streamlit.runner.*}). */
    public RunLimits limits() {
        return limits;
    }

    /** The runs executing now (abandoned ones included while their thread is stuck). */
    private RunningRuns running() {
        return runServices.running();
    }

    Housekeeping housekeeping() {
        return housekeeping;
    }

    /** The housekeeping thread's part of streaming: it hands the work to the flush thread. */
    private void scheduleFlush() {
        if (running().isEmpty() || !flushPending.compareAndSet(false, true)) {
            return;
        }
        flushExecutor.execute(() -> {
            try {
                housekeeping.runSupervised("flush", running()::flush);
            } finally {
                flushPending.set(false);
            }
        });
    }

    /** Abandoned runs whose thread has not ended yet (they still hold a thread, and maybe a core). */
    public int stuckRuns() {
        return running().stuckRuns();
    }

    /** Runs given up on since the start, because they ignored the interrupt at streamlit.runner.max-run-time. */
    public long abandonedRuns() {
        return running().abandonedRuns();
    }

    /** Runs interrupted at streamlit.runner.max-run-time since the start (abandoned or not). */
    public long overtimeRuns() {
        return running().overtimeRuns();
    }

    /** Pages refused now because too many of their abandoned runs are still stuck. */
    public Set<String> refusedPages() {
        return running().refusedPages();
    }

    /** Failures of background tasks since the start (each was survived; see Housekeeping). */
    public long housekeepingFailures() {
        return housekeeping.failureCount();
    }

    /** Background tasks whose last execution failed, as "task (failure class)"; empty when all is well. */
    public List<String> failingHousekeeping() {
        return housekeeping.failingTasks();
    }

    /** Platform threads of the run pool alive now (0 with virtual threads). */
    public int runThreads() {
        return runExecutor instanceof RunThreadPool pool ? pool.threadCount() : 0;
    }

    /** Where sessions are kept beyond this engine (S9); none by default. Set before the first tab connects. */
    public void setPersistence(SessionPersistence persistence) {
        sessions.setPersistence(persistence);
    }

    /**
     * This node is stopping (S9.7): running runs are interrupted (their interactions are re-sent by the tabs and
     * applied once elsewhere), the committed state is saved where the next node or the next start finds it, and
     * every tab is told to reconnect at once (1001). New tabs are refused from now on (see {@link #isLeaving}).
     */
    public void leave() {
        leaving = true;
        sessions.leave("This server is stopping; the tab continues on another one.");
    }

    /**
     * The application started again after {@link #leave} (a context stopped and restarted in the same JVM, as Spring's
     * test context cache does): new tabs are welcome again.
     */
    public void rejoin() {
        leaving = false;
    }

    /** Whether {@link #leave} was called: connections are refused so that the load balancer tries another node. */
    public boolean isLeaving() {
        return leaving;
    }

    /** Runs executing now (abandoned ones included while their thread is stuck). */
    public int runsInProgress() {
        return running().size();
    }

    /** Ends every session and stops the threads. */
    @Override
    public void close() {
        sessions.close(leaving);
        housekeeping.close();
        fragmentThread.close();
        flushExecutor.shutdownNow();
        runExecutor.shutdownNow();
    }
}
