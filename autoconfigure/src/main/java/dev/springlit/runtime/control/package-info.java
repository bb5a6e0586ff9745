/**
 * How a run ends early or is held, as page code, drawers and interceptors see it: the control-flow exceptions
 * ({@code RunControl}: {@code st.stop()}, {@code st.rerun()}, an interruption), the {@code StreamHold} that keeps
 * newer interactions from interrupting a run inside {@code st.writeStream}, and how a failure is shown to the tab
 * ({@code Tracebacks}, {@code ErrorReference}). It sits below both {@code run} (which throws and catches them) and
 * {@code draw} (whose St calls throw them), so neither depends on the other for them.
 * <p>
 * Threading: the exceptions are immutable; {@code StreamHold} is written by the run's thread and read by whoever
 * offers a newer request, under its own monitor.
 */
package dev.springlit.runtime.control;
