package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.springlit.runtime.run.RuntimeSettings;

/**
 * Runs use a pool of platform threads by default, and virtual threads when Spring Boot's
 * {@code spring.threads.virtual.enabled} asks for them and the JDK has them (21+).
 */
class RunThreadsTest {

    @Test
    void byDefaultRunsUsePlatformThreads() throws Exception {
        AtomicReference<Thread> runThread = new AtomicReference<>();
        try (RuntimeHarness harness = RuntimeHarness.start(st -> runThread.set(Thread.currentThread()))) {
            harness.open();
        }
        assertThat(isVirtual(runThread.get())).isFalse();
        assertThat(runThread.get().getName()).startsWith("springlit-run-");
    }

    private static boolean isVirtual(Thread thread) throws Exception {
        if (Runtime.version().feature() < 21) {
            return false;
        }
        Method isVirtual = Thread.class.getMethod("isVirtual");
        return (Boolean) isVirtual.invoke(thread);
    }

    @Test
    void withVirtualThreadsEnabledRunsUseThemExactlyWhenTheJdkHasThem() throws Exception {
        AtomicReference<Thread> runThread = new AtomicReference<>();
        RuntimeSettings settings = RuntimeSettings.builder().maxSessions(100).virtualThreads(true).build();
        try (RuntimeHarness harness = RuntimeHarness.start(settings, st -> runThread.set(Thread.currentThread()))) {
            harness.open();
        }
        assertThat(isVirtual(runThread.get())).isEqualTo(Runtime.version().feature() >= 21);
        assertThat(runThread.get().getName()).startsWith("springlit-run-");
    }
}
