package dev.springlit.runtime.draw;

import java.nio.charset.StandardCharsets;

import dev.springlit.StreamlitApiException;

/** The MIME type of image bytes, read from their first bytes (the page need not say). */
final class ImageTypes {

    private ImageTypes() {
    }

    static String of(byte[] data) {
        if (startsWith(data, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(data, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (data.length > 12 && startsWith(data, 'R', 'I', 'F', 'F') && data[8] == 'W' && data[9] == 'E'
                && data[10] == 'B' && data[11] == 'P') {
            return "image/webp";
        }
        String head = new String(data, 0, Math.min(data.length, 256), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.contains("<svg"))) {
            return "image/svg+xml";
        }
        throw new StreamlitApiException("image(): the bytes are not a PNG, JPEG, GIF, WebP or SVG image.");
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
