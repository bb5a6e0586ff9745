/**
 * The load benchmark (issues 7 and 20, docs/benchmark.md): {@code LoadBenchmark} starts the packaged demo app as a
 * separate JVM ({@code ServerProcess}), drives it with protocol-speaking tabs ({@code BenchSession} on the counter,
 * {@code DashboardTab} on the dashboard), measures fast-start launches ({@code FastStart}) and samples the machine's
 * load ({@code LoadSampler}); {@code TrainingRuns} make the fast-start launches' CDS archives and AOT caches;
 * {@code OneTabRecording} makes the JFR settings for the one-tab phase;
 * {@code FragmentBenchmark} compares an interaction inside a fragment with a full rerun ({@code FragmentTab}). Run by the
 * {@code bench} profile only, never by surefire or failsafe; only {@code FastStartRecipeTest}, which checks README's
 * recipe against {@code FastStart}'s options without starting anything, is an ordinary unit test.
 *
 * <p>Threading: the main thread runs the phases one after another. The tabs have no thread of their own: the JDK
 * WebSocket client calls their listeners on its two executor threads, one message of a tab at a time, and each
 * next click is sent from the listener that saw the previous run end; the main thread reads a tab's results only
 * after its loop's future completed. {@code LoadSampler} reads /proc/loadavg on a daemon timer thread.
 */
package dev.springlit.demo.bench;
