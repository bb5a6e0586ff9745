package dev.springlit.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Answers a browser's request for a path nobody serves with a "page not found" page in the app's look,
 * listing its pages, instead of Spring Boot's white-label error page. Other errors keep Boot's handling.
 */
public final class NotFoundViewResolver implements ErrorViewResolver {

    private final PageShell shell;

    public NotFoundViewResolver(PageShell shell) {
        this.shell = shell;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (status != HttpStatus.NOT_FOUND) {
            return null;
        }
        Object path = model.get("path");
        String html = shell.renderNotFound(path == null ? "" : path.toString(), request.getUserPrincipal());
        View view = new View() {
            @Override
            public String getContentType() {
                return "text/html;charset=UTF-8";
            }

            @Override
            public void render(Map<String, ?> ignored, HttpServletRequest req, HttpServletResponse response)
                    throws java.io.IOException {
                response.setContentType(getContentType());
                response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
            }
        };
        ModelAndView page = new ModelAndView(view);
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
