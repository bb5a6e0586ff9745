package dev.springlit.web.http;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of Springlit's responses. A header the response already has is left alone, so an
 * application that sets its own keeps it. With Spring Security's header writers in place only the
 * Content-Security-Policy is added: Spring Security writes {@code X-Content-Type-Options},
 * {@code X-Frame-Options} (browsers that understand the CSP's {@code frame-ancestors} follow it instead) and
 * whatever else the application configured there.
 *
 * <pre>{@code
 * new SecurityHeaders(List.of("'self'"), null, false).write(response);
 * }</pre>
 */
public final class SecurityHeaders {

    static final String CSP = "Content-Security-Policy";
    static final String NOSNIFF = "X-Content-Type-Options";
    static final String FRAME_OPTIONS = "X-Frame-Options";
    static final String REFERRER_POLICY = "Referrer-Policy";

    private final String policy;
    private final String frameOptions;
    private final boolean springSecurityWritesHeaders;

    /**
     * @param frameAncestors              {@code streamlit.server.frame-ancestors}
     * @param policy                      {@code streamlit.server.content-security-policy}: blank for Springlit's
     * @param springSecurityWritesHeaders whether Spring Security's filter chain (and its header writers) is present
     */
    public SecurityHeaders(List<String> frameAncestors, String policy, boolean springSecurityWritesHeaders) {
        this.policy = policy == null || policy.isBlank() ? ContentSecurityPolicy.springlit(frameAncestors)
                : policy.strip();
        this.frameOptions = frameOptions(frameAncestors);
        this.springSecurityWritesHeaders = springSecurityWritesHeaders;
    }

    /** The Content-Security-Policy sent. */
    public String policy() {
        return policy;
    }

    /** Whether {@code name} is one of the headers this class writes. */
    static boolean writes(String name) {
        return CSP.equalsIgnoreCase(name) || NOSNIFF.equalsIgnoreCase(name) || FRAME_OPTIONS.equalsIgnoreCase(name)
                || REFERRER_POLICY.equalsIgnoreCase(name);
    }

        /** Adds the headers that {@code response} does not have yet. */
    public void write(HttpServletResponse response) {
        setIfAbsent(response, CSP, policy);
        if (springSecurityWritesHeaders) {
            return;
        }
        setIfAbsent(response, NOSNIFF, "nosniff");
        setIfAbsent(response, REFERRER_POLICY, "same-origin");
        if (frameOptions != null) {
            setIfAbsent(response, FRAME_OPTIONS, frameOptions);
        }
    }

    /**
     * X-Frame-Options for browsers without CSP Level 2: it can only say "same origin" or "nobody", so for other
     * frame ancestors it is left out (and the CSP alone decides).
     */
    private static String frameOptions(List<String> frameAncestors) {
        if (frameAncestors == null || frameAncestors.isEmpty()
                || (frameAncestors.size() == 1 && frameAncestors.get(0).strip().equals("'none'"))) {
            return "DENY";
        }
        if (frameAncestors.size() == 1 && frameAncestors.get(0).strip().equals("'self'")) {
            return "SAMEORIGIN";
        }
        return null;
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
