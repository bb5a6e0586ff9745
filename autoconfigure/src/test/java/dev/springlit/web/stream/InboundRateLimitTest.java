package dev.springlit.web.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.springlit.web.stream.InboundRateLimit.Verdict;

class InboundRateLimitTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void steadyTrafficUnderTheLimitIsAlwaysAccepted() {
        InboundRateLimit limit = new InboundRateLimit(200, 0);
        for (int i = 0; i < 10_000; i++) {
            // 190 a second for ~52 s
            assertThat(limit.take(i * 1_000_000_000L / 190)).as("message %d", i).isEqualTo(Verdict.ACCEPT);
        }
    }

    @Test
    void aBurstOfAQuarterSecondIsAllowedThenMessagesAreRefusedWithOneWarning() {
        InboundRateLimit limit = new InboundRateLimit(200, 0);
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (int i = 0; i < 150; i++) {
            verdicts.merge(limit.take(0), 1, Integer::sum);
        }
        assertThat(verdicts).containsEntry(Verdict.ACCEPT, 50).containsEntry(Verdict.REFUSE_AND_WARN, 1)
                .containsEntry(Verdict.REFUSE, 99).doesNotContainKey(Verdict.DISCONNECT);
        // 100 ms later, 20 more are allowed.
        int accepted = 0;
        for (int i = 0; i < 30; i++) {
            accepted += limit.take(100 * MS) == Verdict.ACCEPT ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(20);
    }

    @Test
    void aFloodOfMoreThanTwiceTheLimitInASecondDisconnectsOnce() {
        InboundRateLimit limit = new InboundRateLimit(100, 0);
        int disconnects = 0;
        int sent = 0;
        for (int i = 0; i < 1_000; i++) {
            Verdict verdict = limit.take(i * 500_000L); // 2,000 a second
            sent++;
            if (verdict == Verdict.DISCONNECT) {
                disconnects++;
                break;
            }
        }
        assertThat(disconnects).isEqualTo(1);
        assertThat(sent).as("messages up to the disconnect").isEqualTo(201);
        assertThat(limit.take(10_000 * MS)).as("after the disconnect everything is dropped").isEqualTo(Verdict.REFUSE);
    }

    @Test
    void aTabSlightlyOverTheLimitIsThrottledButNotDisconnected() {
        InboundRateLimit limit = new InboundRateLimit(100, 0);
        int warnings = 0;
        for (int i = 0; i < 1_500; i++) {
            Verdict verdict = limit.take(i * 1_000_000_000L / 150); // 150 a second for 10 s
            assertThat(verdict).isNotEqualTo(Verdict.DISCONNECT);
            warnings += verdict == Verdict.REFUSE_AND_WARN ? 1 : 0;
        }
        assertThat(warnings).as("one warning a second").isBetween(8, 11);
    }

    @Test
    void zeroTurnsTheLimitOff() {
        InboundRateLimit limit = new InboundRateLimit(0, 0);
        for (int i = 0; i < 100_000; i++) {
            assertThat(limit.take(0)).isEqualTo(Verdict.ACCEPT);
        }
    }
}
