package dev.springlit.web.http;

import java.util.List;

/**
 * Springlit's Content-Security-Policy. The client is ES modules from {@code /_springlit/static}, Chart.js
 * from the same place, JSON in {@code <script type="application/json">} islands (data, which a CSP does not
 * govern) and styles from its own stylesheet or set through the CSSOM, so nothing inline is needed: no inline
 * script, no event-handler attribute, no {@code eval}, no style attribute in markup. Images may also come from
 * {@code data:} URLs (uploaded or generated images, the page icon) and any HTTPS site (st.image with a URL).
 * {@code base-uri 'self'}: the shell's {@code <base href>} names the app's root on this origin (see {@code Routes}).
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    /** The policy, framed by {@code frameAncestors} (CSP sources such as {@code 'self'} or an origin). */
    static String springlit(List<String> frameAncestors) {
        String ancestors = frameAncestors == null || frameAncestors.isEmpty() ? "'none'"
                : String.join(" ", frameAncestors).strip();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
                + "media-src 'self' data: https:; font-src 'self'; connect-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors " + ancestors;
    }
}
