package dev.springlit.test;

import java.time.Duration;

/**
 * A run did not finish within the tester's timeout, and the tester stopped it: {@code Page run timed out after PT5S}.
 */
public class PageRunTimeoutException extends RuntimeException {

    public PageRunTimeoutException(Duration timeout) {
        super("Page run timed out after " + timeout);
    }
}
