package dev.springlit.runtime.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.runtime.draw.FragmentDef;
import dev.springlit.support.LogText;

/**
 * One session's runEvery timers (S10.2): one per timed fragment the committed runs drew, each asking for a run of
 * its fragment alone. A fragment no longer drawn loses its timer at the commit that forgets it; the session's end
 * cancels them all; ticks while no tab is connected (parked) queue nothing. Thread-safe: commits (run threads),
 * the session's end and the scheduler's thread meet here under this object's monitor.
 */
final class FragmentTimers {

    private static final Log log = LogFactory.getLog(FragmentTimers.class);

    private record Running(Duration period, FragmentScheduler.Timer timer) {
    }

    private final FragmentScheduler scheduler;
    private final Consumer<String> tick;
    private final Map<String, Running> timers = new HashMap<>();
    private boolean stopped;

    /** @param tick what a timer does: asks for a run of the fragment it names */
    FragmentTimers(FragmentScheduler scheduler, Consumer<String> tick) {
        this.scheduler = scheduler;
        this.tick = tick;
    }

    /** Keeps a timer for each timed fragment in {@code fragments}, with its period, and none for the others. */
    synchronized void follow(Fragments fragments) {
        if (stopped) {
            return;
        }
        for (Iterator<Map.Entry<String, Running>> it = timers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Running> entry = it.next();
            FragmentDef def = fragments.get(entry.getKey());
            if (def == null || !entry.getValue().period().equals(def.runEvery())) {
                entry.getValue().timer().cancel();
                it.remove();
            }
        }
        for (FragmentDef def : fragments.all()) {
            if (def.runEvery() != null && !timers.containsKey(def.name())) {
                String name = def.name();
                try {
                    timers.put(name, new Running(def.runEvery(), scheduler.every(def.runEvery(),
                            () -> tick.accept(name))));
                } catch (RuntimeException refused) { // the engine is closing: the commit goes on without a timer
                    log.warn("The runEvery timer of fragment '" + LogText.clean(name) + "' could not start", refused);
                }
            }
        }
    }

    /** How many timers run now. */
    synchronized int size() {
        return timers.size();
    }

    /** The session ended: no timer ticks again. */
    synchronized void stop() {
        stopped = true;
        timers.values().forEach(running -> running.timer().cancel());
        timers.clear();
    }
}
