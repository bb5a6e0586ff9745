package dev.springlit.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import dev.springlit.UploadedFile;
import dev.springlit.element.WidgetKind;
import dev.springlit.support.LogText;
import dev.springlit.support.FileNames;
import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.upload.SessionFiles;
import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.runtime.upload.StoredUpload;
import dev.springlit.runtime.upload.UploadRefusedException;
import dev.springlit.runtime.upload.UploadStore;

/**
 * Uploads for {@code st.fileUploader} and downloads for {@code st.downloadButton}, over plain HTTP beside the
 * WebSocket. Both are addressed by the session id (128 random bits only its tab knows) and a widget id that
 * session drew; anything else is refused. An upload is the request body itself (one file per request, name in
 * the {@code X-Springlit-Filename} header), streamed into the {@link UploadStore} with a hard limit of
 * {@code streamlit.server.max-upload-size} (refused with 413 as soon as it passes, unread beyond), so it never
 * depends on the servlet container's multipart settings and never has to fit in memory. Server-wide budgets
 * that are exhausted answer 503.
 */
public final class FileEndpoints {

    /** Uploads go here: {@code POST /_springlit/upload/{session}?widget=…}. */
    public static final String UPLOAD_PATH = Routes.UPLOAD_PATH;
    /** Downloads come from here: {@code GET /_springlit/download/{session}?widget=…}. */
    public static final String DOWNLOAD_PATH = Routes.DOWNLOAD_PATH;

    private static final Log log = LogFactory.getLog(FileEndpoints.class);
    /** A tab may hold this many times the largest upload in files at once, so uploads cannot fill the heap. */
    static final int SESSION_UPLOAD_FACTOR = 4;

    private final SpringlitEngine engine;
    private final UploadStore uploads;
    private final long maxUploadSize;
    private final List<String> allowedOrigins;

    public FileEndpoints(SpringlitEngine engine, UploadStore uploads, long maxUploadSize, List<String> allowedOrigins) {
        this.engine = engine;
        this.uploads = uploads;
        this.maxUploadSize = maxUploadSize;
        this.allowedOrigins = allowedOrigins;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST(UPLOAD_PATH, this::upload)
                .GET(DOWNLOAD_PATH, this::download)
                .build();
    }

    private ServerResponse upload(ServerRequest request) throws IOException {
        if (!sameOrigin(request)) {
            return refuse(HttpStatus.FORBIDDEN, "Uploads are only accepted from the app's own pages.");
        }
        Optional<Session> session = engine.sessions().find(request.pathVariable("session"));
        String widget = request.param("widget").orElse("");
        if (session.isEmpty() || !session.get().hasWidget(widget, WidgetKind.FILE_UPLOADER)) {
            return refuse(HttpStatus.NOT_FOUND, "No such session or file uploader.");
        }
        String name;
        try {
            name = URLDecoder.decode(request.headers().firstHeader("X-Springlit-Filename") == null ? "upload"
                    : request.headers().firstHeader("X-Springlit-Filename"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            name = "";
        }
        if (name.isBlank() || name.length() > 255) {
            return refuse(HttpStatus.BAD_REQUEST, "A file name of 1 to 255 characters (URL-encoded) is needed.");
        }
        SessionFiles files = session.get().files();
        if (!files.accepts(widget, name)) {
            return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This uploader does not take files like \""
                    + FileNames.forHeader(name) + "\".");
        }
        long tabAllowance = maxUploadSize * SESSION_UPLOAD_FACTOR - files.uploadedBytes();
        long limit = Math.min(maxUploadSize, tabAllowance);
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > limit) {
            return refuse(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(limit < maxUploadSize, files.uploadedBytes()));
        }
        String type = request.headers().contentType().map(MediaType::toString).orElse(null);
        StoredUpload stored;
        try (InputStream body = request.servletRequest().getInputStream()) {
            try {
                stored = uploads.receive(body, limit, declared, name, type);
            } catch (UploadRefusedException e) {
                if (e.reason() == UploadRefusedException.Reason.TOO_LARGE) {
                    // not read further: Tomcat swallows a small rest (2 MB) and else closes the connection
                    return refuse(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(limit < maxUploadSize, files.uploadedBytes()));
                }
                // a file of an allowed size: its rest is read and dropped (never stored), so the browser,
                // still sending, gets this answer rather than a reset connection
                discard(body, limit);
                return refuse(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            }
        }
        if (!files.keep(widget, stored, maxUploadSize * SESSION_UPLOAD_FACTOR)) {
            // the session ended meanwhile, or another upload of this tab came first
            return session.get().isAlive() ? refuse(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(true, files.uploadedBytes()))
                    : refuse(HttpStatus.NOT_FOUND, "No such session or file uploader.");
        }
        UploadedFile file = stored.file();
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", file.id(), "name", file.name(), "size", file.size()));
    }

    private ServerResponse download(ServerRequest request) {
        Optional<Session> session = engine.sessions().find(request.pathVariable("session"));
        SessionFiles.Download download = session.map(s -> s.files().download(request.param("widget").orElse("")))
                .orElse(null);
        if (download == null) {
            return refuse(HttpStatus.NOT_FOUND, "No such download.");
        }
        return ServerResponse.ok()
                .contentType(MediaType.parseMediaType(download.mimeType()))
                // a name built from user input may hold CR/LF, NUL or bidi overrides, which Spring writes raw into
                // the filename= fallback and the browser would save under: only visible characters go out
                // (filename*= RFC 5987-encoded, filename= Spring's ISO-8859-1 fallback)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(FileNames.forHeader(download.fileName()), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(download.data());
    }

    private String tooLarge(boolean tabFull, long held) {
        if (tabFull) {
            return "This tab already holds " + held + " bytes of files; remove some before uploading more (at most "
                    + SESSION_UPLOAD_FACTOR + " times streamlit.server.max-upload-size per tab).";
        }
        return "The file is larger than streamlit.server.max-upload-size (" + maxUploadSize + " bytes).";
    }

    /** Reads and drops at most {@code limit} more bytes of {@code body}. */
    private static void discard(InputStream body, long limit) throws IOException {
        byte[] sink = new byte[16 * 1024];
        long left = limit;
        int n;
        while (left > 0 && (n = body.read(sink, 0, (int) Math.min(sink.length, left))) != -1) {
            left -= n;
        }
    }

    private static ServerResponse refuse(HttpStatus status, String message) {
        log.warn("Springlit refused a file request (" + status.value() + "): "
                + LogText.clean(message));
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
    }

    /** Browsers always send Origin on a POST from script; it must be this server or an allowed origin. */
    private boolean sameOrigin(ServerRequest request) {
        String origin = request.headers().firstHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            var originUri = UriComponentsBuilder.fromUriString(origin).build();
            var requestUri = UriComponentsBuilder.fromUri(request.uri()).build();
            String host = request.headers().firstHeader(HttpHeaders.HOST);
            String originHostPort = originUri.getHost() + (originUri.getPort() == -1 ? "" : ":" + originUri.getPort());
            return host != null ? host.equalsIgnoreCase(originHostPort) || host.equalsIgnoreCase(originUri.getHost())
                    : originUri.getHost() != null && originUri.getHost().equalsIgnoreCase(requestUri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
