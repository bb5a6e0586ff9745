package dev.springlit.store;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

/** Realistic snapshots for size measurements and the benchmark. */
final class Snapshots {

    private Snapshots() {
    }

    /** The demo's counter page after three clicks: one user key, its unkeyed button, page and sequence. */
    static SessionSnapshot counterPage(int count) {
        String button = "$$w:button:3f2a9c0d51e6b7a48c2d9e10";
        return new SessionSnapshot(Map.of("count", count), Map.of(button, false),
                Map.of(button, new WidgetSnapshot(button, null, "button", null, 0, true, false)), "/counter", "",
                count);
    }

    /** 100 user keys of mixed everyday types plus 10 keyed widgets. */
    static SessionSnapshot hundredKeys() {
        Map<String, Object> values = new HashMap<>();
        Map<String, WidgetSnapshot> widgets = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            Object value = switch (i % 4) {
                case 0 -> i;
                case 1 -> "value number " + i;
                case 2 -> i * 1.5;
                default -> LocalTime.of(i % 24, i % 60);
            };
            values.put("key_" + i, value);
        }
        for (int i = 0; i < 10; i++) {
            String key = "widget_" + i;
            values.put(key, "text " + i);
            widgets.put("$$k:" + key, new WidgetSnapshot("$$k:" + key, key, "text_input", null, i, false, ""));
        }
        return new SessionSnapshot(values, Map.of(), widgets, "/dashboard", "region=emea&year=2026", 250);
    }
}
