package dev.springlit.runtime.draw;

import java.util.Arrays;

/**
 * A stream's text so far, which only grows, and whose earlier states can be read on another thread: characters
 * once written are never written again (growing copies into a new array), so a {@link Prefix} taken on the run's
 * thread and handed over through a monitor reads whole later, and taking it copies nothing.
 */
final class GrowingText {

    /** The first {@code length} characters of {@code chars}, which never change. */
    static final class Prefix {
        private final char[] chars;
        private final int length;

        private Prefix(char[] chars, int length) {
            this.chars = chars;
            this.length = length;
        }

        String followedBy(String suffix) {
            return new StringBuilder(length + suffix.length()).append(chars, 0, length).append(suffix).toString();
        }
    }

    private char[] chars = new char[64];
    private int length;

    void append(String text) {
        int grown = length + text.length();
        if (grown > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(grown, 2 * chars.length));
        }
        text.getChars(0, text.length(), chars, length);
        length = grown;
    }

    Prefix prefix() {
        return new Prefix(chars, length);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
