package dev.springlit.store;

/**
 * Text that came from stored data (a class name in a stream, a Redis error) made fit for a log line: control
 * characters become '?', so tampered data cannot forge log entries, and length is bounded.
 */
final class LogSafe {

    private static final int MAX_LENGTH = 200;

    private LogSafe() {
    }

    static String text(String raw) {
        if (raw == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_LENGTH) + 1);
        for (int i = 0; i < raw.length() && out.length() < MAX_LENGTH; i++) {
            char c = raw.charAt(i);
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c);
        }
        if (raw.length() > MAX_LENGTH) {
            out.append('…');
        }
        return out.toString();
    }
}
