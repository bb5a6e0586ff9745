package dev.springlit.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import dev.springlit.support.LogText;

/** What logs get from clients and about sessions: {@link LogText}, {@link SessionTag}, {@link RefusalWarnings}. */
class LogTextTest {

    @Test
    void controlCharactersLineSeparatorsAndBidiControlsAreEscaped() {
        String forged = "rerun\r\n2026-01-01 WARN forged line\u0000\u001b[31m\u0085\u2028\u202eevil\u2066\u200f";

        String clean = LogText.clean(forged);

        assertThat(clean).isEqualTo("rerun\\u000d\\u000a2026-01-01 WARN forged line\\u0000\\u001b[31m\\u0085\\u2028"
                + "\\u202eevil\\u2066\\u200f");
        assertThat(clean.chars().noneMatch(c -> LogText.isUnsafe((char) c))).isTrue();
    }

    @Test
    void ordinaryTextIsKeptAndLongTextIsCut() {
        assertThat(LogText.clean("Widget \"Größe 中 😀\": bad value")).isEqualTo("Widget \"Größe 中 😀\": bad value");
        assertThat(LogText.clean(null)).isEqualTo("null");
        assertThat(LogText.clean("x".repeat(10_000))).hasSize(LogText.MAX_LENGTH + "…(9500 more characters)".length())
                .endsWith("…(9500 more characters)");
    }

    @Test
    void aSessionTagIsShortStableAndNotTheId() {
        String id = "q3Jx0Zc5m0Dk8yq1HfQk7w";

        assertThat(SessionTag.of(id)).matches("[0-9a-f]{8}").isEqualTo(SessionTag.of(id))
                .isNotEqualTo(SessionTag.of("q3Jx0Zc5m0Dk8yq1HfQk7x"));
        assertThat(id).doesNotContain(SessionTag.of(id));
    }

    @Test
    void refusalWarningsAreLoggedAtMostOnceASecondWithACountOfTheOthers() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong(1_000);
        RefusalWarnings warnings = new RefusalWarnings(lines::add, now::get);
        long ms = TimeUnit.MILLISECONDS.toNanos(1);

        warnings.warn("refused 1");
        for (int i = 2; i <= 100; i++) {
            now.addAndGet(5 * ms);
            warnings.warn("refused " + i); // 99 more within the next 495 ms
        }
        now.addAndGet(600 * ms);
        warnings.warn("refused 101");
        now.addAndGet(10 * ms);
        warnings.warn("refused 102");
        now.addAndGet(2_000 * ms);
        warnings.warn("refused 103");

        assertThat(lines).containsExactly("refused 1",
                "refused 101 (and 99 more refusals not logged since the previous line)",
                "refused 103 (and 1 more refusals not logged since the previous line)");
    }
}
