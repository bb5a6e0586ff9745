package dev.springlit.runtime.draw;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dev.springlit.ClickOptions;
import dev.springlit.DownloadButtonOptions;
import dev.springlit.FileUploaderOptions;
import dev.springlit.StreamlitApiException;
import dev.springlit.UploadedFile;
import dev.springlit.WidgetOptions;
import dev.springlit.element.Widget;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.upload.SessionFiles;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetCodecs;
import dev.springlit.runtime.widget.WidgetSpec;

/** File uploaders and download buttons: files going up to the session and coming down from it. */
final class FileDrawer {

    private FileDrawer() {
    }

    static List<UploadedFile> uploader(DeltaGenerator st, String label, Consumer<FileUploaderOptions> options,
                                       boolean multiple) {
        Canvas run = st.run();
        String form = st.formKey();
        Owner session = st.owner();
        FileUploaderOptions o = new FileUploaderOptions();
        options.accept(o);
        var common = WidgetOptions.common(o);
        var read = FileUploaderOptions.snapshot(o);
        ValueWidgets.refuseCallbackInForm(st.formKey(), read.onChange());
        WidgetSpec spec = new WidgetSpec(WidgetKind.FILE_UPLOADER, label, common.key(), new Object[] {read.types(), multiple, common.help()},
                List.of(), false, false, false, read.onChange(), common.callbackArgs(), null);
        String id = spec.id(run.page().path(), form);
        session.files().accept(id, read.types());
        WidgetCodec<List<UploadedFile>> codec = files(session.files(), id, multiple);
        spec = new WidgetSpec(spec.kind(), label, common.key(), spec.identity(), List.of(), false, false, false,
                spec.callback(), spec.args(), codec);
        List<UploadedFile> files = codec.coerce(run.registerWidget(spec, form), label);
        List<Map<String, Object>> shown = files.stream()
                .map(f -> Map.<String, Object>of("name", f.name(), "size", f.size())).toList();
        st.emit(new Widget(id, WidgetKind.FILE_UPLOADER, label, common.help(), common.disabled(),
                common.labelVisibility().name().toLowerCase(Locale.ROOT), codec.encode(files),
                ClearedForms.withFormDefault(run, form, DeltaGenerator.props("types", read.types(), "multiple", multiple,
                        "files", shown, "uploadUrl", session.uploadUrl(id)), List.of()),
                form));
        return files;
    }

    static boolean downloadButton(DeltaGenerator st, String label, byte[] data, String fileName,
                                  Consumer<DownloadButtonOptions> options) {
        Canvas run = st.run();
        String form = st.formKey();
        Owner session = st.owner();
        if (form != null) {
            throw new StreamlitApiException("downloadButton() can't be used in a form().");
        }
        DownloadButtonOptions o = new DownloadButtonOptions();
        options.accept(o);
        var common = WidgetOptions.common(o);
        var click = ClickOptions.click(o);
        var read = DownloadButtonOptions.snapshot(o);
        String mime = read.mimeType() != null ? read.mimeType() : "application/octet-stream";
        WidgetSpec spec = new WidgetSpec(WidgetKind.DOWNLOAD_BUTTON, label, common.key(),
                new Object[] {fileName, mime, common.help(), click.type(), click.icon()}, Boolean.FALSE, false, true, false,
                click.onClick(), common.callbackArgs(), null);
        boolean clicked = (Boolean) run.registerWidget(spec, form);
        String id = spec.id(run.page().path(), form);
        session.files().offer(id, new SessionFiles.Download(data.clone(), fileName, mime));
        String version = Integer.toHexString(Arrays.hashCode(data));
        st.emit(new Widget(id, WidgetKind.DOWNLOAD_BUTTON, label, common.help(), common.disabled(),
                common.labelVisibility().name().toLowerCase(Locale.ROOT), null,
                DeltaGenerator.props("href", session.downloadUrl(id, version),
                        "fileName", fileName,
                        "buttonType", click.type().name().toLowerCase(Locale.ROOT), "icon", click.icon()), null));
        return clicked;
    }

    /** Uploaded files, sent as the list of their ids; {@code multiple} false: at most one. */
    static WidgetCodec<List<UploadedFile>> files(SessionFiles store, String widgetId, boolean multiple) {
        return new WidgetCodec<>() {
            @Override
            public List<UploadedFile> decode(Object wire) {
                if (!(wire instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                    throw new IllegalArgumentException("expected a list of upload ids, got "
                            + WidgetCodecs.describe(wire));
                }
                if (!multiple && list.size() > 1) {
                    throw new IllegalArgumentException("this uploader takes one file");
                }
                return List.copyOf(store.resolve(widgetId, list.stream().map(String.class::cast).toList()));
            }

            @Override
            public Object encode(List<UploadedFile> value) {
                return value.stream().map(UploadedFile::id).toList();
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<UploadedFile> coerce(Object stateValue, String widgetName) {
                return stateValue == null ? List.of() : (List<UploadedFile>) stateValue;
            }
        };
    }
}
