/**
 * The run interceptors Springlit brings and their auto-configuration: JPA's open-in-view for runs, a Micrometer
 * {@code Observation} per page body and callback, and the page and session tag in the log MDC. Each backs off when
 * its library (or the application's bean) is missing.
 * <p>
 * Threading: an interceptor runs on the run's thread, around page code, and is shared by all sessions, so each
 * keeps its per-run state on the stack or in thread-bound resources it unbinds before returning.
 */
package dev.springlit.autoconfigure.run;
