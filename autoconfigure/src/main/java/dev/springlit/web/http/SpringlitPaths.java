package dev.springlit.web.http;

import jakarta.servlet.http.HttpServletRequest;

import dev.springlit.runtime.PageRegistry;

/** The request paths Springlit serves: its pages' paths and everything under {@code /_springlit}. */
final class SpringlitPaths {

    private final PageRegistry pages;

    SpringlitPaths(PageRegistry pages) {
        this.pages = pages;
    }

    boolean owns(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(PageRegistry.FRAMEWORK_PREFIX) || path.startsWith(PageRegistry.FRAMEWORK_PREFIX + "/")
                || pages.find(path).isPresent();
    }
}
