package dev.springlit.runtime.run;

import java.util.concurrent.Executor;

import dev.springlit.runtime.page.PageAccess;

/**
 * The engine-wide values every run of every session uses: the run and flush executors, the switches a run reads
 * ({@code streamlit.*}), and what the application plugs in after the engine is built (who may open which page, the
 * interceptors around page code, the state size limit, the run observer). One per engine; runs get it instead of
 * the engine, and find through it the runs executing now ({@link RunningRuns}, which the watchdog and the flush
 * thread read) and the fragment timers' scheduler. The plugged-in parts are volatile: set once at startup, read by
 * every run thread.
 */
public final class RunServices {

    private final Executor runExecutor;
    private final Executor flushExecutor;
    private final boolean showErrorDetails;
    private final boolean enforceSerializableSessionState;
    private final boolean widgetStateDuplicationWarning;
    private volatile RunObserver observer = RunObserver.NONE;
    private volatile PageAccess access = PageAccess.OPEN;
    private volatile RunInterceptors interceptors = RunInterceptors.NONE;
    private volatile StateSizeLimit stateSizeLimit = StateSizeLimit.NONE;
    private final FragmentScheduler fragmentScheduler;
    private final RunningRuns running;

    /**
     * @param runExecutor   where runs execute
     * @param flushExecutor the thread that renders and sends on behalf of the housekeeping thread
     * @param limits        the run deadline its watchdog enforces
     * @param fragmentScheduler what calls fragments' runEvery timers
     */
    public RunServices(Executor runExecutor, Executor flushExecutor, boolean showErrorDetails,
                       boolean enforceSerializableSessionState, boolean widgetStateDuplicationWarning,
                       RunLimits limits, FragmentScheduler fragmentScheduler) {
        this.runExecutor = runExecutor;
        this.flushExecutor = flushExecutor;
        this.showErrorDetails = showErrorDetails;
        this.enforceSerializableSessionState = enforceSerializableSessionState;
        this.widgetStateDuplicationWarning = widgetStateDuplicationWarning;
        this.fragmentScheduler = fragmentScheduler;
        this.running = new RunningRuns(new RunWatchdog(limits, this::observer));
    }

    /** The runs executing now, and the watchdog of their deadline. */
    public RunningRuns running() {
        return running;
    }

    /** What calls fragments' runEvery timers. */
    FragmentScheduler fragmentScheduler() {
        return fragmentScheduler;
    }

    public Executor runExecutor() {
        return runExecutor;
    }

    public Executor flushExecutor() {
        return flushExecutor;
    }

    /** Failures show type, message and stack in the page ({@code streamlit.client.show-error-details}). */
    public boolean showErrorDetails() {
        return showErrorDetails;
    }

    /** Only Java-serializable values may enter session state. */
    public boolean enforceSerializableSessionState() {
        return enforceSerializableSessionState;
    }

    /** Warn when a widget has a default and a value set through state (S4.7). */
    public boolean widgetStateDuplicationWarning() {
        return widgetStateDuplicationWarning;
    }

    public RunObserver observer() {
        return observer;
    }

    public void setObserver(RunObserver observer) {
        this.observer = observer == null ? RunObserver.NONE : observer;
    }

    public PageAccess access() {
        return access;
    }

    public void setAccess(PageAccess access) {
        this.access = access == null ? PageAccess.OPEN : access;
    }

    public RunInterceptors interceptors() {
        return interceptors;
    }

    public void setInterceptors(RunInterceptors interceptors) {
        this.interceptors = interceptors == null ? RunInterceptors.NONE : interceptors;
    }

    public StateSizeLimit stateSizeLimit() {
        return stateSizeLimit;
    }

    public void setStateSizeLimit(StateSizeLimit stateSizeLimit) {
        this.stateSizeLimit = stateSizeLimit;
    }
}
