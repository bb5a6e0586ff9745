package dev.springlit.runtime.control;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A short tag that ties what a visitor sees ("Reference: 3f9a1c2e") to the server's log line with the full error,
 * so an operator can find the trace without the page revealing it. It is not a secret and identifies nothing else.
 */
public final class ErrorReference {

    private ErrorReference() {
    }

    /** Eight lower-case hexadecimal characters, new for every error. */
    public static String next() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }
}
