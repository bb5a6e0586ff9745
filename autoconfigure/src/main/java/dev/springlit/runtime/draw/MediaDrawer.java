package dev.springlit.runtime.draw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import dev.springlit.StreamlitApiException;
import dev.springlit.element.Image;

/** Images from bytes, files or safe URLs. */
final class MediaDrawer {

    private MediaDrawer() {
    }

    static void image(DeltaGenerator st, byte[] data, String caption) {
        st.emit(new Image("data:" + ImageTypes.of(data) + ";base64,"
                + Base64.getEncoder().encodeToString(data), caption, null));
    }

    static void image(DeltaGenerator st, String url, String caption) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        boolean safe = lower.startsWith("https://") || lower.startsWith("http://")
                || (lower.startsWith("/") && !lower.startsWith("//"));
        if (!safe) {
            throw new StreamlitApiException("image(): only http(s) or same-site URLs are shown, not \""
                    + url + "\". Pass the bytes for anything else.");
        }
        st.emit(new Image(url.strip(), caption, null));
    }

    static void image(DeltaGenerator st, Path file, String caption) {
        try {
            image(st, Files.readAllBytes(file), caption);
        } catch (IOException e) {
            throw new UncheckedIOException("image(): cannot read " + file, e);
        }
    }
}
