package dev.springlit.web.http;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UrlPathHelper;

import dev.springlit.runtime.page.PageRegistry;

/**
 * The request paths Springlit serves: its pages' paths and everything under {@code /_springlit}. A path is
 * compared the way Spring MVC routes it (percent-decoded, without {@code ;matrix} parameters), so
 * {@code /%5Fspringlit/stream} or {@code /_springlit;x/stream} cannot slip past a guard and still reach the route.
 */
final class SpringlitPaths {

    private static final UrlPathHelper ROUTED_PATH = new UrlPathHelper();

    static {
        ROUTED_PATH.setUrlDecode(true);
        ROUTED_PATH.setRemoveSemicolonContent(true);
    }

    private final PageRegistry pages;

    SpringlitPaths(PageRegistry pages) {
        this.pages = pages;
    }

    boolean owns(HttpServletRequest request) {
        String path = ROUTED_PATH.getPathWithinApplication(request);
        return path.equals(PageRegistry.FRAMEWORK_PREFIX) || path.startsWith(PageRegistry.FRAMEWORK_PREFIX + "/")
                || pages.find(path).isPresent();
    }
}
