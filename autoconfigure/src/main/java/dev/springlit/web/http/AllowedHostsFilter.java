package dev.springlit.web.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

import dev.springlit.support.LogText;
import dev.springlit.runtime.page.PageRegistry;

/**
 * Refuses requests to Springlit's pages, files, uploads, downloads and WebSocket handshake whose {@code Host}
 * is not one of {@code streamlit.server.allowed-hosts} (by default, on a server bound to loopback, loopback names
 * only) with 403 and a plain-text explanation. It runs before everything else, Spring Security included.
 */
public final class AllowedHostsFilter extends SpringlitPathFilter {

    /** Before Spring Security's filter chain and every filter of the application. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    static final String REFUSAL = "This server does not answer to the host name in the request's Host header. "
            + "Open the app at one of its allowed addresses (see streamlit.server.allowed-hosts).\n";

    private static final Log log = LogFactory.getLog(AllowedHostsFilter.class);
    private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;

    private final AllowedHosts hosts;
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    private final AtomicLong unlogged = new AtomicLong();

    /**
     * @param pages                 the app's pages, whose paths (with {@code /_springlit/**}) this filter guards
     * @param allowedHosts          {@code streamlit.server.allowed-hosts}
     * @param listensOnLoopbackOnly whether {@code server.address} is a loopback address
     */
    public AllowedHostsFilter(PageRegistry pages, List<String> allowedHosts, boolean listensOnLoopbackOnly) {
        super(pages, ORDER);
        this.hosts = AllowedHosts.of(allowedHosts, listensOnLoopbackOnly);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader(HttpHeaders.HOST);
        if (hosts.allows(host)) {
            chain.doFilter(request, response);
            return;
        }
        logRefusal(host);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(REFUSAL.getBytes(StandardCharsets.UTF_8));
    }

    /** At most one line a second, so a flood of refused requests cannot flood the log. */
    private void logRefusal(String host) {
        unlogged.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLog.compareAndSet(last, now)) {
            long refused = unlogged.getAndSet(0);
            log.warn("Springlit refused " + refused + " request(s) for a host name it does not answer to, the latest "
                    + "with Host \"" + LogText.clean(host) + "\" (allowed: " + hosts.describe()
                    + "; set streamlit.server.allowed-hosts)");
        }
    }
}
