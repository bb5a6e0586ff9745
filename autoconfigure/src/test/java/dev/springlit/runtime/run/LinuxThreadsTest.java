package dev.springlit.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

/** The run pool's watch tells a thread waiting for a core from one blocked by what Linux says of it. */
class LinuxThreadsTest {

    @Test
    void aThreadOnACoreOrWaitingForOneIsRunnableAndAParkedOneIsNot() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only: elsewhere the watch goes by Java's view");
        AtomicInteger spinnerId = new AtomicInteger(-1);
        AtomicInteger parkedId = new AtomicInteger(-1);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(2);
        Thread spinner = new Thread(() -> {
            spinnerId.set(LinuxThreads.currentId());
            ready.countDown();
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });
        Thread parked = new Thread(() -> {
            parkedId.set(LinuxThreads.currentId());
            ready.countDown();
            while (!stop.get()) {
                LockSupport.park();
            }
        });
        spinner.start();
        parked.start();
        try {
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(spinnerId.get()).isPositive().isNotEqualTo(parkedId.get());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (parked.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(20);
            assertThat(LinuxThreads.runnable(spinnerId.get())).as("a spinning thread").isTrue();
            assertThat(LinuxThreads.runnable(parkedId.get())).as("a parked thread").isFalse();
            assertThat(LinuxThreads.runnable(-1)).as("a thread whose id is unknown").isFalse();
        } finally {
            stop.set(true);
            LockSupport.unpark(parked);
            spinner.join();
            parked.join();
        }
    }
}
