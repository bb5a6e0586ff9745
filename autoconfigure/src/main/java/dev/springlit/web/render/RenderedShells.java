package dev.springlit.web.render;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The page shells already rendered, so that a new tab's {@code GET} does not run the shell template again: the shell
 * depends only on the page, the request's base and the sidebar the user may see, and the template took a third of
 * the server's time for a new tab's first render. Each is kept as the bytes the GET sends ({@link ShellBytes}). At most {@link #MAX_SHELLS} are kept (the base follows the
 * request's context path, the sidebar the user's roles); past that the rest are rendered each time. Shells that carry
 * a per-user CSRF token are never kept (the caller does not ask).
 *
 * <p>Threading: any number of request threads at once.
 */
final class RenderedShells {

    static final int MAX_SHELLS = 256;

    /** What a shell's HTML depends on. */
    record Key(String page, String base, List<NavItem> sidebar) {
    }

    private final Map<Key, ShellBytes> shells = new ConcurrentHashMap<>();

    ShellBytes get(Key key, Supplier<String> render) {
        ShellBytes shell = shells.get(key);
        if (shell != null) {
            return shell;
        }
        shell = ShellBytes.of(render.get());
        if (shells.size() < MAX_SHELLS) {
            shells.putIfAbsent(key, shell);
        }
        return shell;
    }

    int size() {
        return shells.size();
    }
}
