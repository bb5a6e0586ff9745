package dev.springlit.web.http;

import java.util.regex.Pattern;

/**
 * The syntax of an {@code Origin} header (RFC 6454): {@code null}, or scheme "://" host with an optional numeric
 * port and nothing after it.
 */
final class OriginHeader {

    private static final Pattern ORIGIN = Pattern.compile(
            "[a-zA-Z][a-zA-Z0-9+.-]*://(\\[[0-9a-fA-F:.]+\\]|[a-zA-Z0-9._~%!$&'()*+,;=-]+)(:[0-9]{1,5})?");

    private OriginHeader() {
    }

    static boolean isWellFormed(String origin) {
        return origin.equals("null") || (origin.length() <= 2048 && ORIGIN.matcher(origin).matches());
    }
}
