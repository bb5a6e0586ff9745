package dev.springlit.web.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectWritesTest {

    @Test
    void noMoreThreadsWriteDirectlyAtOnceThanThereAreSlotsAndAFinishedWriteFreesItsSlot() {
        DirectWrites writes = new DirectWrites(2);
        assertThat(writes.tryStart()).isTrue();
        assertThat(writes.tryStart()).isTrue();
        assertThat(writes.tryStart()).as("a third writer while two are stuck sends asynchronously").isFalse();
        writes.end();
        assertThat(writes.tryStart()).isTrue();
        assertThat(writes.tryStart()).isFalse();
    }

    @Test
    void thisMachineGetsAsManySlotsAsTheRunPoolStartsFreely() {
        DirectWrites writes = DirectWrites.forThisMachine();
        int slots = 0;
        while (writes.tryStart()) {
            slots++;
        }
        assertThat(slots).isEqualTo(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }
}
