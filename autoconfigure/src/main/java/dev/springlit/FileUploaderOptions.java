package dev.springlit;

import java.util.List;

/** Options of {@code st.fileUploader}: {@code o -> o.type("csv", "txt").key("data")}. */
public final class FileUploaderOptions extends WidgetOptions<FileUploaderOptions> {

    private List<String> types = List.of();
    private Callback onChange;

    /** The file extensions accepted (without or with the dot); any file when none. */
    public FileUploaderOptions type(String... extensions) {
        this.types = List.of(extensions).stream()
                .map(e -> e.startsWith(".") ? e.substring(1) : e).map(String::toLowerCase).toList();
        return this;
    }

    /** Runs when the user uploads or removes a file. */
    public FileUploaderOptions onChange(Runnable onChange) {
        this.onChange = onChange == null ? null : args -> onChange.run();
        return this;
    }

    /** Runs when the user uploads or removes a file, with the {@link #args}/{@link #kwargs} given here. */
    public FileUploaderOptions onChange(Callback onChange) {
        this.onChange = onChange;
        return this;
    }

    /** What the runtime reads of these options: kept off the options themselves so pages see only the setters. */
    public static Snapshot snapshot(FileUploaderOptions options) {
        return new Snapshot(options.types, options.onChange);
    }

    /**
     * The options as the runtime reads them.
     *
     * @param types what the page set, or the default
     * @param onChange what the page set, or the default
     */
    public record Snapshot(List<String> types, Callback onChange) {
    }
}
