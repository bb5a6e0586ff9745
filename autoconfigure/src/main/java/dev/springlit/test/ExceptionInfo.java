package dev.springlit.test;

import java.util.List;

/**
 * An exception the page showed.
 *
 * <pre>{@code
 * assertThat(tester.exceptions()).singleElement().satisfies(e -> assertThat(e.message()).contains("no key"));
 * }</pre>
 *
 * @param type    the exception's class name ({@code null} when error details are hidden)
 * @param message its message
 * @param stack   the stack trace lines shown in the page
 * @param reference the reference shown instead of the details when they are hidden (the server logged the full
 *                  error with it); {@code null} when details are shown
 */
public record ExceptionInfo(String type, String message, List<String> stack, String reference) {

    /** An exception shown with its details. */
    public ExceptionInfo(String type, String message, List<String> stack) {
        this(type, message, stack, null);
    }
}
