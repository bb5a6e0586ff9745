package dev.springlit.runtime.scope;

/**
 * Which run executes on this thread: a run binds itself for as long as it executes, so that the singletons pages
 * inject ({@link CurrentSessionState}, the session scope) and the St of its session find it.
 */
public final class CurrentRun {

    private static final ThreadLocal<ScopedRun> BOUND = new ThreadLocal<>();

    private CurrentRun() {
    }

    /** The run bound to this thread, or {@code null}. */
    public static ScopedRun get() {
        return BOUND.get();
    }

    public static void bind(ScopedRun run) {
        BOUND.set(run);
    }

    /**
     * Clears the binding. The thread's entry stays, holding nothing: removing it and adding it again allocated a new
     * entry in the thread's map on every run.
     */
    public static void unbind() {
        BOUND.set(null);
    }
}
