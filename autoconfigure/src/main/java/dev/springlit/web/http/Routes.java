package dev.springlit.web.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import dev.springlit.runtime.upload.FileRoutes;
import dev.springlit.runtime.page.PageRegistry;

/**
 * Every URL Springlit puts in front of a browser, in one place. The shell carries a {@code <base href>} of the
 * app's root as the browser reached it: the servlet context path, or a reverse proxy's prefix when
 * {@code server.forward-headers-strategy} lets Spring read {@code X-Forwarded-Prefix}. Every other URL the server
 * emits (assets, the stream, uploads, downloads, page links) is relative to it ({@code ./counter}), so the same
 * rendered element is right under {@code /}, {@code /app} or {@code /myapp/app}, and the client turns page paths
 * into addresses with that base alone. The {@code *_PATH} constants are the routes as the server maps them,
 * inside the context path.
 */
public final class Routes implements FileRoutes {

    /** The WebSocket endpoint. */
    public static final String STREAM_PATH = PageRegistry.FRAMEWORK_PREFIX + "/stream";
    /** The client's JS and CSS (and Chart.js), under a version segment: {@code STATIC_PATH/<version>/springlit.js}. */
    public static final String STATIC_PATH = PageRegistry.FRAMEWORK_PREFIX + "/static";
    /** Uploads: {@code POST UPLOAD_PATH?widget=…}. */
    public static final String UPLOAD_PATH = PageRegistry.FRAMEWORK_PREFIX + "/upload/{session}";
    /** Downloads: {@code GET DOWNLOAD_PATH?widget=…&v=…}. */
    public static final String DOWNLOAD_PATH = PageRegistry.FRAMEWORK_PREFIX + "/download/{session}";

    private static final String RELATIVE = ".";

    private final String assetVersion;

    /** Routes whose assets carry {@code assetVersion}, bumped with each release so browsers fetch them anew. */
    public Routes(String assetVersion) {
        if (assetVersion == null || !assetVersion.matches("[\\w.-]+")) {
            throw new IllegalArgumentException("An asset version is a plain path segment such as 0.1.0");
        }
        this.assetVersion = assetVersion;
    }

    /**
     * The app's root as this request reached it, ending in {@code /}: the shell's {@code <base href>}. Spring's
     * {@code ForwardedHeaderFilter} (or the container's own handling) already put a proxy's prefix into the context
     * path; the value is a path only, so a forged header can move the base within this origin but never off it.
     */
    public String base(HttpServletRequest request) {
        String contextPath = request.getContextPath();
        if (contextPath == null || contextPath.isEmpty() || !contextPath.startsWith("/") || contextPath.startsWith("//")) {
            return "/";
        }
        return contextPath.endsWith("/") ? contextPath : contextPath + "/";
    }

    /** The link to page {@code path} ({@code "/"} or {@code "/counter"}), relative to the base. */
    public static String page(String path) {
        return RELATIVE + path;
    }

    /**
     * A root-relative URL a page wrote ({@code /counter}, {@code /images/logo.png} in Markdown) made relative to
     * the app's root, as Thymeleaf's {@code @{/counter}} adds the context path; other URLs as they are.
     */
    public static String inApp(String url) {
        return url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? RELATIVE + url : url;
    }

    /** The versioned URL of client file {@code file} (e.g. {@code springlit.css}). */
    public String asset(String file) {
        return RELATIVE + STATIC_PATH + "/" + assetVersion + "/" + file;
    }

    /** The WebSocket endpoint, relative to the base (the client makes it a {@code ws:} or {@code wss:} URL). */
    public String stream() {
        return RELATIVE + STREAM_PATH;
    }

    /** The asset version in the static URLs. */
    public String assetVersion() {
        return assetVersion;
    }

    @Override
    public String upload(String sessionId, String widgetId) {
        return RELATIVE + UPLOAD_PATH.replace("{session}", urlPart(sessionId)) + "?widget=" + urlPart(widgetId);
    }

    @Override
    public String download(String sessionId, String widgetId, String version) {
        return RELATIVE + DOWNLOAD_PATH.replace("{session}", urlPart(sessionId)) + "?widget=" + urlPart(widgetId)
                + "&v=" + urlPart(version);
    }

    /** Widget ids hold user keys; in a URL they travel encoded. */
    private static String urlPart(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
