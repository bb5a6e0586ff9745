package dev.springlit;

/**
 * One page body or one widget callback about to run, as a {@link RunInterceptor} sees it.
 * <pre>{@code
 * public void around(RunInvocation run) throws Exception {
 *     log.debug("{} of {}", run.isCallback() ? "callback" : "body", run.pagePath());
 *     run.proceed();
 * }
 * }</pre>
 */
public interface RunInvocation {

    /** The page's path, e.g. {@code /counter}. */
    String pagePath();

    /** The page's title. */
    String pageTitle();

    /**
     * A short tag naming the session in logs; never the session id, which lets its holder take over the tab.
     */
    String sessionTag();

    /** Whether this is a widget callback (run before the body), rather than the page's body. */
    boolean isCallback();

    /** Runs the next interceptor, or the page code itself; call it once. */
    void proceed() throws Exception;
}
