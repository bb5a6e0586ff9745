package dev.springlit.runtime.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every page of the app, by path, in sidebar order. Built once at startup; two pages with one path, or a
 * page under the framework's own routes, are refused with both bean names.
 */
public final class PageRegistry {

    /** The prefix of Springlit's own routes (stream, static files); pages may not live under it. */
    public static final String FRAMEWORK_PREFIX = "/_springlit";

    private final Map<String, PageDescriptor> byPath;
    private final List<PageDescriptor> ordered;

    public PageRegistry(List<PageDescriptor> pages) {
        Map<String, PageDescriptor> map = new LinkedHashMap<>();
        for (PageDescriptor page : pages) {
            validatePath(page);
            PageDescriptor clash = map.putIfAbsent(page.path(), page);
            if (clash != null) {
                throw new IllegalStateException("Two Springlit pages have the path \"" + page.path() + "\": beans '"
                        + clash.beanName() + "' and '" + page.beanName() + "'. Give each @StreamlitPage its own path.");
            }
        }
        List<PageDescriptor> sorted = new ArrayList<>(map.values());
        // sections keep the position of their first page; within a section, order then title
        sorted.sort(Comparator.comparingInt(PageDescriptor::order).thenComparing(PageDescriptor::title));
        List<String> sectionOrder = sorted.stream().map(PageDescriptor::section).distinct().toList();
        sorted.sort(Comparator.comparingInt((PageDescriptor p) -> sectionOrder.indexOf(p.section()))
                .thenComparingInt(PageDescriptor::order).thenComparing(PageDescriptor::title));
        this.byPath = Map.copyOf(map);
        this.ordered = List.copyOf(sorted);
    }

    private static void validatePath(PageDescriptor page) {
        String path = page.path();
        if (path == null || !path.startsWith("/")) {
            throw new IllegalStateException("The Springlit page bean '" + page.beanName() + "' has the path \"" + path
                    + "\"; a page path must start with \"/\".");
        }
        if (path.equals(FRAMEWORK_PREFIX) || path.startsWith(FRAMEWORK_PREFIX + "/")) {
            throw new IllegalStateException("The Springlit page bean '" + page.beanName() + "' has the path \"" + path
                    + "\", which collides with Springlit's own routes under " + FRAMEWORK_PREFIX
                    + " (bean 'springlitStreamHandler' and the static resources). Choose another path.");
        }
        if (path.length() > 1 && path.endsWith("/")) {
            throw new IllegalStateException("The Springlit page bean '" + page.beanName() + "' has the path \"" + path
                    + "\"; leave out the trailing \"/\".");
        }
    }

    /** The page served at {@code path}, if any. */
    public Optional<PageDescriptor> find(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The page whose bean is of {@code type}, if any. */
    public Optional<PageDescriptor> find(Class<?> type) {
        return ordered.stream().filter(p -> type.isInstance(p.page())).findFirst();
    }

    /** All pages in sidebar order. */
    public List<PageDescriptor> pages() {
        return ordered;
    }

    /** The page a tab lands on when it names none it knows: "/" when there is one, else the first listed. */
    public Optional<PageDescriptor> home() {
        return find("/").or(() -> ordered.stream().filter(p -> !p.hidden()).findFirst())
                .or(() -> ordered.stream().findFirst());
    }
}
