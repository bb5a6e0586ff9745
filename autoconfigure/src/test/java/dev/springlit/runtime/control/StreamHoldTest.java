package dev.springlit.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** S11.3's decision in isolation: exactly one of "interrupted" and "held" happens, and a hold lasts the run. */
class StreamHoldTest {

    @Test
    void s11_3_aRunThatStreamsIsNotInterruptedByANewerInteraction() {
        StreamHold hold = new StreamHold();
        assertThat(hold.begin()).isTrue();
        assertThat(hold.supersede()).as("interrupt now?").isFalse();
        assertThat(hold.supersede()).isFalse();
    }

    @Test
    void s11_3_aRunSupersededBeforeItsFirstStreamDoesNotStartIt() {
        StreamHold hold = new StreamHold();
        assertThat(hold.supersede()).as("interrupt now?").isTrue();
        assertThat(hold.begin()).as("may stream").isFalse();
    }

    @Test
    void s11_3_aSecondStreamOfAHoldingRunGoesOnAfterAnInteractionArrived() {
        StreamHold hold = new StreamHold();
        assertThat(hold.begin()).isTrue();
        assertThat(hold.supersede()).isFalse();
        assertThat(hold.begin()).as("the second writeStream of the run").isTrue();
    }
}
