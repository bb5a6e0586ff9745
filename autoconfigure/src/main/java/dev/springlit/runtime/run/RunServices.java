package dev.springlit.runtime.run;

import java.util.concurrent.Executor;

import dev.springlit.runtime.page.PageAccess;

/**
 * The engine-wide values every run of every session uses: the run and flush executors, the switches a run reads
 * ({@code streamlit.*}), and what the application plugs in after the engine is built (who may open which page, the
 * interceptors around page code, the state size limit, the run observer). One per engine; runs get it instead of
 * the engine. The plugged-in parts are volatile: set once at startup, read by every run thread.
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

    /**
     * @param runExecutor   where runs execute
     * @param flushExecutor the thread that renders and sends on behalf of the housekeeping thread
     */
    public RunServices(Executor runExecutor, Executor flushExecutor, boolean showErrorDetails,
                       boolean enforceSerializableSessionState, boolean widgetStateDuplicationWarning) {
        this.runExecutor = runExecutor;
        this.flushExecutor = flushExecutor;
        this.showErrorDetails = showErrorDetails;
        this.enforceSerializableSessionState = enforceSerializableSessionState;
        this.widgetStateDuplicationWarning = widgetStateDuplicationWarning;
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
