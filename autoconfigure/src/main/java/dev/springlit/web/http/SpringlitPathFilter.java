package dev.springlit.web.http;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.springlit.runtime.page.PageRegistry;

/**
 * A servlet filter that sees only requests to Springlit's own paths (its pages and {@code /_springlit/**}, matched
 * as Spring MVC routes them), at a fixed order: the application's own controllers are never touched.
 */
abstract class SpringlitPathFilter extends OncePerRequestFilter implements Ordered {

    private final SpringlitPaths paths;
    private final int order;

    SpringlitPathFilter(PageRegistry pages, int order) {
        this.paths = new SpringlitPaths(pages);
        this.order = order;
    }

    @Override
    public final int getOrder() {
        return order;
    }

    @Override
    protected final boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.owns(request);
    }
}
