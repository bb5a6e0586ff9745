package dev.springlit.runtime;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.springlit.Page;
import dev.springlit.St;

/**
 * A page whose body the test swaps (a body stays until the next swap): {@link #call} runs a piece of page code inside a real run (on the run's
 * thread, with the session bound) and hands back its result, or rethrows what it threw on the test thread.
 */
final class ScriptedPage implements Page {

    private final AtomicReference<Function<St, Object>> body = new AtomicReference<>(st -> null);
    private final AtomicReference<Object> result = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Override
    public void render(St st) {
        result.set(null);
        failure.set(null);
        try {
            result.set(body.get().apply(st));
        } catch (RuntimeException | Error e) {
            failure.set(e);
            throw e;
        }
    }

    /** Runs {@code code} as the page body of a new run of {@code tab}; returns its result or rethrows. */
    @SuppressWarnings("unchecked")
    <T> T call(RuntimeHarness.Tab tab, Function<St, T> code) {
        body.set((Function<St, Object>) code); // stays the body of later runs until the next call
        tab.rerun();
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return (T) result.get();
    }

    /** Makes {@code code} the body of the next runs, without running it now. */
    void body(Consumer<St> code) {
        body.set(st -> {
            code.accept(st);
            return null;
        });
    }

    /** Runs {@code code} as a page body that returns nothing. */
    void run(RuntimeHarness.Tab tab, Consumer<St> code) {
        call(tab, st -> {
            code.accept(st);
            return null;
        });
    }
}
