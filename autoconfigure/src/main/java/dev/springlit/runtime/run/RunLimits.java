package dev.springlit.runtime.run;

import java.time.Duration;

/**
 * How many threads runs may use and how long one run may take, from {@code streamlit.runner.*}.
 *
 * @param maxThreads              the most platform threads running pages at once; more runs wait for one
 * @param maxRunTime              how long one run may take before it is interrupted ({@link Duration#ZERO}: no limit)
 * @param interruptGrace          how long an interrupted over-time run has to end before it is abandoned
 * @param maxAbandonedRunsPerPage how many abandoned runs of one page may still hold their thread before the page
 *                                is refused
 */
public record RunLimits(int maxThreads, Duration maxRunTime, Duration interruptGrace, int maxAbandonedRunsPerPage) {

    /** The defaults of {@code streamlit.runner.*}. */
    public static RunLimits defaults() {
        return new RunLimits(4_000, Duration.ofMinutes(5), Duration.ofSeconds(10), 4);
    }

    /** Whether runs have a deadline at all. */
    public boolean hasDeadline() {
        return maxRunTime != null && !maxRunTime.isZero() && !maxRunTime.isNegative();
    }
}
