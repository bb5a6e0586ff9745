package dev.springlit.web.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;


import dev.springlit.runtime.page.PageRegistry;

/**
 * Puts {@link SecurityHeaders} on every response of Springlit's pages, static files, uploads, downloads and
 * handshake (the "page not found" page writes them itself). It runs first, so a refusal carries them too.
 */
public final class SecurityHeadersFilter extends SpringlitPathFilter {

    /** Before the Host check, so its refusals carry the headers too. */
    public static final int ORDER = AllowedHostsFilter.ORDER - 1;

    private final SecurityHeaders headers;

    public SecurityHeadersFilter(PageRegistry pages, SecurityHeaders headers) {
        super(pages, ORDER);
        this.headers = headers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.write(response);
        chain.doFilter(request, new SingleValued(response));
    }

    /**
     * Turns a later {@code addHeader} of a header written here into a replacement, so a route that also sets,
     * say, {@code X-Content-Type-Options} does not send it twice.
     */
    private static final class SingleValued extends HttpServletResponseWrapper {

        SingleValued(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (SecurityHeaders.writes(name) && containsHeader(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
