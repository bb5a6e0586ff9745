package dev.springlit.web.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import dev.springlit.web.http.SecurityHeaders;

/**
 * Answers a browser's request for a path nobody serves with a "page not found" page in the app's look,
 * listing its pages, instead of Spring Boot's white-label error page. Other errors keep Boot's handling.
 */
public final class NotFoundViewResolver implements ErrorViewResolver {

    private final PageShell shell;
    private final SecurityHeaders headers;

    public NotFoundViewResolver(PageShell shell) {
        this(shell, null);
    }

    /** With {@code headers} (or {@code null} for none) on the page: it lists the app's pages, so it is ours. */
    public NotFoundViewResolver(PageShell shell, SecurityHeaders headers) {
        this.shell = shell;
        this.headers = headers;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (status != HttpStatus.NOT_FOUND) {
            return null;
        }
        Object path = model.get("path");
        String html = shell.renderNotFound(path == null ? "" : path.toString(), request);
        View view = new View() {
            @Override
            public String getContentType() {
                return "text/html;charset=UTF-8";
            }

            @Override
            public void render(Map<String, ?> ignored, HttpServletRequest req, HttpServletResponse response)
                    throws IOException {
                response.setContentType(getContentType());
                if (headers != null) {
                    headers.write(response);
                }
                response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
            }
        };
        ModelAndView page = new ModelAndView(view);
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
