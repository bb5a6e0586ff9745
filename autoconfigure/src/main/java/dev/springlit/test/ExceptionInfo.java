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
 */
public record ExceptionInfo(String type, String message, List<String> stack) {
}
