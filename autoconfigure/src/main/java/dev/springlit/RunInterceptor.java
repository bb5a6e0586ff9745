package dev.springlit;

/**
 * Wraps what a page runs, as a servlet filter wraps a request: each run of a page's body, and each widget
 * callback before it, on the run's own thread. Runs are not HTTP requests, so what an application has set up
 * around requests (an {@code EntityManager} kept open for lazy loading, a tracing span, log context) needs this
 * hook to be there in a run too. Springlit brings interceptors for JPA's open-in-view, Micrometer observations and
 * the log MDC; declare a bean to add your own (ordered with {@code @Order}, the first one outermost):
 * <pre>{@code
 * @Component
 * class TenantInterceptor implements RunInterceptor {
 *     @Override
 *     public void around(RunInvocation run) throws Exception {
 *         Tenant.set(tenantOf(run.pagePath()));
 *         try {
 *             run.proceed();
 *         } finally {
 *             Tenant.clear();
 *         }
 *     }
 * }
 * }</pre>
 * The page's own exceptions, and Springlit's control of the run ({@code st.stop()}, {@code st.rerun()}, an
 * interruption), pass through {@link RunInvocation#proceed()}: let them go on, as a filter lets an exception pass.
 */
@FunctionalInterface
public interface RunInterceptor {

    /** Does what this interceptor does around {@code invocation}, calling {@link RunInvocation#proceed()} once. */
    void around(RunInvocation invocation) throws Exception;
}
