package dev.springlit.element;

import java.util.List;

/**
 * An exception shown in the page.
 *
 * @param type    the exception's class name, or {@code null} when details are hidden
 * @param message the message (or a generic text when details are hidden)
 * @param stack   stack trace lines without framework frames, including "Caused by" lines; empty when hidden
 */
public record ExceptionElement(String type, String message, List<String> stack) implements Element {

    public ExceptionElement {
        stack = List.copyOf(stack);
    }

    @Override
    public String kind() {
        return "exception";
    }
}
