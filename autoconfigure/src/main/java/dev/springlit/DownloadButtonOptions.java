package dev.springlit;

/**
 * Options of {@code st.downloadButton}: {@code o -> o.mimeType("text/csv").onClick(() -> …)}. Like a button,
 * it returns true in the run its click causes.
 */
public final class DownloadButtonOptions extends ClickOptions<DownloadButtonOptions> {

    private String mimeType;

    /** The MIME type sent with the file; {@code text/plain} for text, {@code application/octet-stream} for bytes. */
    public DownloadButtonOptions mimeType(String mimeType) {
        this.mimeType = mimeType;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(DownloadButtonOptions options) {
        return new Snapshot(options.mimeType);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param mimeType what the page set, or the default
     */
    public record Snapshot(String mimeType) {
    }
}
