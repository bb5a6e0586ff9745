package dev.springlit.runtime.upload;

/**
 * Where a tab uploads a file uploader's files and downloads a download button's data. The web layer decides
 * (its {@code Routes} knows the context path and a proxy's prefix); the runtime only asks, so it never spells a
 * URL itself.
 */
public interface FileRoutes {

    /** For an engine with no web layer (the page tester): elements carry no usable URL. */
    FileRoutes UNSERVED = new FileRoutes() {
        @Override
        public String upload(String sessionId, String widgetId) {
            return "";
        }

        @Override
        public String download(String sessionId, String widgetId, String version) {
            return "";
        }
    };

    /** The URL a file uploader {@code widgetId} of session {@code sessionId} posts its files to. */
    String upload(String sessionId, String widgetId);

    /** The URL of download button {@code widgetId}'s data; {@code version} changes when the data does. */
    String download(String sessionId, String widgetId, String version);
}
