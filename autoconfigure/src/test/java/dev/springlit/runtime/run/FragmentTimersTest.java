package dev.springlit.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.springlit.element.ElementPath;
import dev.springlit.runtime.draw.FragmentDef;
import dev.springlit.runtime.run.FragmentScheduler;

/** S10.2 on its own: one timer per timed fragment of the latest commit, with its period; none after the end. */
class FragmentTimersTest {

    private final List<String> started = new ArrayList<>();
    private final List<String> cancelled = new ArrayList<>();
    private final FragmentScheduler scheduler = (period, tick) -> {
        String name = period.toString();
        started.add(name);
        return () -> cancelled.add(name);
    };
    private final FragmentTimers timers = new FragmentTimers(scheduler, fragment -> { });

    private static Fragments drawn(FragmentDef... defs) {
        Map<String, FragmentDef> byName = new LinkedHashMap<>();
        for (FragmentDef def : defs) {
            byName.put(def.name(), def);
        }
        return new Fragments("/", byName, Map.of());
    }

    private static FragmentDef timed(String name, Duration every) {
        return new FragmentDef(name, ElementPath.MAIN.child(0), f -> { }, every, null, false);
    }

    @Test
    void s10_2_aTimerFollowsItsFragmentsPeriodAndEndsWhenTheFragmentIsNoLongerDrawn() {
        timers.follow(drawn(timed("clock", Duration.ofSeconds(2)), timed("plain", null)));
        timers.follow(drawn(timed("clock", Duration.ofSeconds(2))));
        assertThat(started).containsExactly("PT2S");
        assertThat(timers.size()).isEqualTo(1);

        timers.follow(drawn(timed("clock", Duration.ofSeconds(5))));
        assertThat(started).containsExactly("PT2S", "PT5S");
        assertThat(cancelled).containsExactly("PT2S");

        timers.follow(drawn());
        assertThat(cancelled).containsExactly("PT2S", "PT5S");
        assertThat(timers.size()).isZero();
    }

    @Test
    void s10_2_noTimerStartsOnceTheSessionEnded() {
        timers.follow(drawn(timed("clock", Duration.ofSeconds(1))));
        timers.stop();
        timers.follow(drawn(timed("clock", Duration.ofSeconds(1))));

        assertThat(started).hasSize(1);
        assertThat(cancelled).hasSize(1);
        assertThat(timers.size()).isZero();
    }
}
