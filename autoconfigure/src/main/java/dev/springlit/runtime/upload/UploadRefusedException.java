package dev.springlit.runtime.upload;

/** An upload that was not stored, and why: it is over a size limit, or the server holds all it may right now. */
public final class UploadRefusedException extends Exception {

    /** Why an upload was refused. */
    public enum Reason {
        /** The file is larger than the limit the caller gave. */
        TOO_LARGE,
        /** Storing it would pass a server-wide limit (memory or disk); another time it may fit. */
        SERVER_FULL
    }

    private final Reason reason;

    UploadRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
