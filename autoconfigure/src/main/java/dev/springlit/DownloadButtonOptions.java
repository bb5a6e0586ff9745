package dev.springlit;

/**
 * Options of {@code st.downloadButton}: {@code o -> o.mimeType("text/csv").onClick(() -> …)}. Like a button,
 * it returns true in the run its click causes.
 */
public final class DownloadButtonOptions extends WidgetOptions<DownloadButtonOptions> {

    private String mimeType;
    private Callback onClick;
    private ButtonType type = ButtonType.SECONDARY;
    private String icon;

    /** The MIME type sent with the file; {@code text/plain} for text, {@code application/octet-stream} for bytes. */
    public DownloadButtonOptions mimeType(String mimeType) {
        this.mimeType = mimeType;
        return this;
    }

    public DownloadButtonOptions onClick(Runnable onClick) {
        this.onClick = onClick == null ? null : args -> onClick.run();
        return this;
    }

    public DownloadButtonOptions onClick(Callback onClick) {
        this.onClick = onClick;
        return this;
    }

    public DownloadButtonOptions type(ButtonType type) {
        this.type = type;
        return this;
    }

    public DownloadButtonOptions icon(String icon) {
        this.icon = icon;
        return this;
    }

    public String getMimeType() {
        return mimeType;
    }

    public Callback getOnClick() {
        return onClick;
    }

    public ButtonType getType() {
        return type;
    }

    public String getIcon() {
        return icon;
    }
}
