package dev.springlit.autoconfigure;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.springlit.web.stream.HandshakeCapture;

/**
 * A login that {@code st.login()} started and that failed or was cancelled (the provider answered
 * {@code access_denied}, the password was wrong) comes back to its page instead of the login page: Spring
 * Security's default failure handler sends the browser to {@code /login?error}, and this filter, in front of Spring
 * Security, sends it on to the page the login started from, with the reason for the tab to show. The tab is still
 * the same anonymous visitor, so it finds its session as it was.
 */
final class SpringSecurityLoginFailure extends OncePerRequestFilter {

    private static final int MAX_REASON = 200;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getParameter("error") == null
                || !(request.getContextPath() + "/login").equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object back = session == null ? null : session.getAttribute(SpringSecurityLogin.RETURN_TO);
        if (!(back instanceof String page)) {
            chain.doFilter(request, response);
            return;
        }
        session.removeAttribute(SpringSecurityLogin.RETURN_TO);
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        String reason = failure instanceof AuthenticationException e && e.getMessage() != null
                ? e.getMessage() : "the login did not complete";
        reason = reason.replaceAll("\\p{Cntrl}", " ").strip();
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "…";
        }
        session.setAttribute(HandshakeCapture.LOGIN_FAILURE, "Login failed: " + reason
                + ". You are not logged in; this tab's session is as you left it.");
        response.sendRedirect(page);
    }
}
