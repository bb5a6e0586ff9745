package dev.springlit.runtime.run;

import java.time.Duration;

/**
 * The runtime's switches, taken from {@code streamlit.*} configuration. Built with named setters, so no call site
 * is a row of positional booleans:
 * <pre>{@code
 * RuntimeSettings settings = RuntimeSettings.builder().showErrorDetails(false).maxSessions(100).build();
 * }</pre>
 */
public final class RuntimeSettings {

    private static final RuntimeSettings DEFAULTS = builder().build();

    private final boolean enforceSerializableSessionState;
    private final boolean showErrorDetails;
    private final boolean widgetStateDuplicationWarning;
    private final Duration disconnectedSessionTtl;
    private final int maxSessions;
    private final boolean virtualThreads;
    private final FragmentScheduler fragmentScheduler;

    private RuntimeSettings(Builder builder) {
        this.enforceSerializableSessionState = builder.enforceSerializableSessionState;
        this.showErrorDetails = builder.showErrorDetails;
        this.widgetStateDuplicationWarning = builder.widgetStateDuplicationWarning;
        this.disconnectedSessionTtl = builder.disconnectedSessionTtl;
        this.maxSessions = builder.maxSessions;
        this.virtualThreads = builder.virtualThreads;
        this.fragmentScheduler = builder.fragmentScheduler;
    }

    /** The defaults, as in Streamlit. */
    public static RuntimeSettings defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Only Java-serializable values may enter session state. */
    public boolean enforceSerializableSessionState() {
        return enforceSerializableSessionState;
    }

    /** Exceptions show type, message and stack in the page. */
    public boolean showErrorDetails() {
        return showErrorDetails;
    }

    /** Warn when a widget has a default and a value set through state. */
    public boolean widgetStateDuplicationWarning() {
        return widgetStateDuplicationWarning;
    }

    /** How long a session without a tab is kept. */
    public Duration disconnectedSessionTtl() {
        return disconnectedSessionTtl;
    }

    /** How many sessions may exist at once. */
    public int maxSessions() {
        return maxSessions;
    }

    /** Run pages on virtual threads (JDK 21+), as {@code spring.threads.virtual.enabled} asks; else the pool. */
    public boolean virtualThreads() {
        return virtualThreads;
    }

    /** What calls fragments' runEvery timers, or {@code null} for the engine's own thread (S10.2). */
    public FragmentScheduler fragmentScheduler() {
        return fragmentScheduler;
    }

    /** These settings with another fragment scheduler (the page tester's clock that tests advance). */
    public RuntimeSettings withFragmentScheduler(FragmentScheduler scheduler) {
        Builder copy = new Builder();
        copy.enforceSerializableSessionState = enforceSerializableSessionState;
        copy.showErrorDetails = showErrorDetails;
        copy.widgetStateDuplicationWarning = widgetStateDuplicationWarning;
        copy.disconnectedSessionTtl = disconnectedSessionTtl;
        copy.maxSessions = maxSessions;
        copy.virtualThreads = virtualThreads;
        return copy.fragmentScheduler(scheduler).build();
    }

    /** Named settings; each starts at its default. */
    public static final class Builder {

        private boolean enforceSerializableSessionState;
        private boolean showErrorDetails = true;
        private boolean widgetStateDuplicationWarning = true;
        private Duration disconnectedSessionTtl = Duration.ofSeconds(120);
        private int maxSessions = 10_000;
        private boolean virtualThreads;
        private FragmentScheduler fragmentScheduler;

        private Builder() {
        }

        public Builder enforceSerializableSessionState(boolean enforce) {
            this.enforceSerializableSessionState = enforce;
            return this;
        }

        public Builder showErrorDetails(boolean show) {
            this.showErrorDetails = show;
            return this;
        }

        public Builder widgetStateDuplicationWarning(boolean warn) {
            this.widgetStateDuplicationWarning = warn;
            return this;
        }

        public Builder disconnectedSessionTtl(Duration ttl) {
            this.disconnectedSessionTtl = ttl;
            return this;
        }

        public Builder maxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
            return this;
        }

        public Builder virtualThreads(boolean virtualThreads) {
            this.virtualThreads = virtualThreads;
            return this;
        }

        public Builder fragmentScheduler(FragmentScheduler scheduler) {
            this.fragmentScheduler = scheduler;
            return this;
        }

        public RuntimeSettings build() {
            return new RuntimeSettings(this);
        }
    }
}
