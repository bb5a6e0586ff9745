package dev.springlit.support;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * File names that come from outside (a browser's upload, a page's download name built from user input) made
 * harmless: for writing to disk ({@link #safe}) and for an HTTP header ({@link #forHeader}).
 */
public final class FileNames {

    /** What a name with nothing usable left becomes. */
    static final String FALLBACK = "file";

    /** Longest safe name in characters: most file systems allow 255 bytes, and UTF-8 takes up to 3 a character here. */
    static final int MAX_LENGTH = 80;

    /** Names Windows reserves for devices, with or without an extension ("CON.txt" opens the console). */
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    /** Characters Windows refuses in names; on other systems they invite quoting mistakes in shell scripts. */
    private static final String FORBIDDEN = "<>:\"|?*";

    private FileNames() {
    }

    /**
     * A name that is safe to use as one path segment on any common file system: the last segment of the
     * client's name (so {@code ../../x} is {@code x}), without control, format (bidi overrides, zero-width)
     * and separator characters, without leading dots or trailing dots and spaces, a reserved device name
     * prefixed with {@code _}, at most {@value #MAX_LENGTH} characters with its extension kept, never empty.
     */
    public static String safe(String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (FORBIDDEN.indexOf(c) >= 0) {
                kept.append('_');
            } else if (isVisible(c)) {
                kept.appendCodePoint(c);
            }
        });
        name = trimDotsAndSpaces(shorten(trimDotsAndSpaces(kept.toString())));
        if (name.isEmpty()) {
            return FALLBACK;
        }
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
        return RESERVED.contains(stem) ? "_" + name : name;
    }

    /**
     * A name for a {@code Content-Disposition} header: control and format characters (CR, LF, NUL, bidi
     * overrides) removed, so a name can neither split the header nor disguise its extension, never empty.
     * The header's encoding (RFC 5987 {@code filename*}) is the caller's, through Spring's ContentDisposition.
     */
    public static String forHeader(String raw) {
        String name = raw == null ? "" : raw;
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(FileNames::isVisible).forEach(kept::appendCodePoint);
        String result = kept.toString().strip();
        return result.isEmpty() ? FALLBACK : shorten(result);
    }

    /** Neither a control character (C0, C1, DEL) nor a format one (bidi overrides and isolates, zero-width). */
    private static boolean isVisible(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE;
    }

    /** Leading dots would hide the file (or make "." and ".."); trailing dots and spaces Windows drops. */
    private static String trimDotsAndSpaces(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start)))) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || Character.isWhitespace(name.charAt(end - 1)))) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Cuts a long name in the middle of its stem, keeping a short extension, without splitting a character. */
    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = extension.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
    }
}
