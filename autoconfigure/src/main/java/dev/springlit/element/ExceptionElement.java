package dev.springlit.element;

import java.util.List;

/**
 * An exception shown in the page.
 *
 * @param type    the exception's class name, or {@code null} when details are hidden
 * @param message the message (or a generic text when details are hidden)
 * @param stack   stack trace lines without framework frames, including "Caused by" lines; empty when hidden
 * @param reference when details are hidden, the short reference that the server's log line with the full error
 *                  carries too; {@code null} when details are shown
 */
public record ExceptionElement(String type, String message, List<String> stack, String reference) implements Element {

    public ExceptionElement {
        stack = List.copyOf(stack);
    }

    /** An exception shown with its details, so without a reference. */
    public ExceptionElement(String type, String message, List<String> stack) {
        this(type, message, stack, null);
    }

    @Override
    public String kind() {
        return "exception";
    }
}
