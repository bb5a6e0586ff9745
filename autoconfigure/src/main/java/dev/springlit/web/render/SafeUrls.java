package dev.springlit.web.render;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.UrlSanitizer;

import dev.springlit.web.http.Routes;

/**
 * Which URLs safe Markdown keeps. Links: http, https, mailto and relative URLs ({@code data:} could open an HTML
 * document of the attacker's). Images: the same plus {@code data:} URLs of raster images; an SVG image may carry
 * script, so it is not one of them. Anything else becomes an empty URL. A root-relative URL ({@code /counter}) is
 * taken as the app's own and made relative to its root ({@link Routes#inApp}), so it works under a context path.
 */
final class SafeUrls implements UrlSanitizer {

    private static final Pattern RASTER_DATA_URL = Pattern.compile(
            "data:image/(png|jpeg|jpg|gif|webp|avif|bmp|x-icon|vnd\\.microsoft\\.icon)[;,].*", Pattern.DOTALL);

    private final UrlSanitizer links = new DefaultUrlSanitizer(Set.of("http", "https", "mailto"));

    @Override
    public String sanitizeLinkUrl(String url) {
        return Routes.inApp(links.sanitizeLinkUrl(url));
    }

    @Override
    public String sanitizeImageUrl(String url) {
        String trimmed = url.strip();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("data:")) {
            return RASTER_DATA_URL.matcher(trimmed.toLowerCase(Locale.ROOT)).matches() ? trimmed : "";
        }
        return Routes.inApp(links.sanitizeImageUrl(url));
    }
}
