package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.springlit.runtime.run.RunQueue;

/** A page slower than its tab: the waiting interactions are bounded, and the ones refused are said so. */
class QueueLimitTest {

    @Test
    void interactionsBeyondTheQueueLimitAreRefusedAndTheRestAllCount() {
        Gate gate = new Gate();
        AtomicInteger clicks = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        try (RuntimeHarness harness = RuntimeHarness.start(st -> {
            if (runs.incrementAndGet() == 2) {
                gate.pass(); // the first click's run waits while the tab keeps clicking
            }
            if (st.button("Go")) {
                clicks.incrementAndGet();
            }
        })) {
            RuntimeHarness.Tab tab = harness.open();
            tab.clickAsync("Go");
            gate.awaitEntered();
            for (int i = 0; i < RunQueue.MAX_PENDING + 10; i++) {
                tab.clickAsync("Go");
            }
            gate.open();
            tab.awaitIdle();
            assertThat(tab.connection.errors()).hasSize(10)
                    .allSatisfy(error -> assertThat(error.code()).isEqualTo("too_many_pending"));
            assertThat(clicks).hasValue(1 + RunQueue.MAX_PENDING);
        }
    }
}
