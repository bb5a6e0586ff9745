package dev.springlit.runtime.run;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.springlit.runtime.draw.FragmentDef;

/**
 * The fragments a session's tab shows, as its committed runs drew them, and which fragment each widget was drawn
 * in: what decides whether an interaction reruns the page or only a fragment (S10.1). Immutable; the
 * {@link Runner} replaces it at its commit point, so it always matches the committed state.
 */
final class Fragments {

    static final Fragments NONE = new Fragments(null, Map.of(), Map.of());

    /** The path of the page whose full run drew them: another page's run knows none of them. */
    private final String page;
    private final Map<String, FragmentDef> byName;
    /** Widget id → the name of the innermost fragment it was drawn in. */
    private final Map<String, String> widgetFragment;

    Fragments(String page, Map<String, FragmentDef> byName, Map<String, String> widgetFragment) {
        this.page = page;
        this.byName = byName;
        this.widgetFragment = widgetFragment;
    }

    FragmentDef get(String name) {
        return name == null ? null : byName.get(name);
    }

    /** The fragment {@code name} if the page at {@code pagePath} drew it, else {@code null} (the session moved on). */
    FragmentDef get(String name, String pagePath) {
        return pagePath.equals(page) ? get(name) : null;
    }

    Collection<FragmentDef> all() {
        return byName.values();
    }

    /** The fragment {@code widgetId} was drawn in, or {@code null} when it was drawn outside any. */
    String fragmentOf(String widgetId) {
        return widgetFragment.get(widgetId);
    }

    /**
     * Which fragment an interaction reruns: the one every widget it names was drawn in (S10.1); {@code null} (the
     * page) when any of them was drawn outside that fragment or is unknown.
     */
    String scopeOf(RunRequest request) {
        String scope = null;
        boolean first = true;
        for (String id : request.widgets().keySet()) {
            String fragment = widgetFragment.get(id);
            if (fragment == null || (!first && !fragment.equals(scope))) {
                return null;
            }
            scope = fragment;
            first = false;
        }
        if (request.trigger() != null) {
            String fragment = widgetFragment.get(request.trigger());
            if (fragment == null || (!first && !fragment.equals(scope))) {
                return null;
            }
            scope = fragment;
        }
        return scope;
    }

    /**
     * What a completed run leaves: a full run's fragments replace all; a fragment run replaces only what lies in
     * its fragment (nested fragments and the widgets drawn there), keeping the rest of the page's.
     */
    Fragments after(RunFragments run, String pagePath) {
        FragmentDef target = run.target();
        if (target == null) {
            if (run.drawn().isEmpty() && run.widgetFragments().isEmpty() && byName.isEmpty() && widgetFragment.isEmpty()
                    && pagePath.equals(page)) {
                return this; // a page without fragments, run again
            }
            return new Fragments(pagePath, Map.copyOf(run.drawn()), Map.copyOf(run.widgetFragments()));
        }
        Map<String, FragmentDef> defs = new LinkedHashMap<>(byName);
        defs.values().removeIf(def -> !def.name().equals(target.name()) && target.contains(def));
        defs.putAll(run.drawn());
        Map<String, String> widgets = new HashMap<>(widgetFragment);
        widgets.values().removeIf(name -> isWithin(name, target));
        widgets.putAll(run.widgetFragments());
        return new Fragments(page, Map.copyOf(defs), Map.copyOf(widgets));
    }

    /** Whether a widget drawn in fragment {@code name} could be drawn again by a run of {@code target}. */
    boolean isWithin(String name, FragmentDef target) {
        FragmentDef def = name == null ? null : byName.get(name);
        return def != null && target.contains(def);
    }
}
