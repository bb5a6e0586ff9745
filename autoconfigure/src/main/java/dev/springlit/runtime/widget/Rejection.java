package dev.springlit.runtime.widget;

/**
 * A part of a tab's message the run could not use (an unknown widget id, an ill-typed value): the run reports it
 * to whoever runs it, which tells the tab; the run itself sends nothing.
 *
 * @param code    the protocol's error code ({@code unknown_widget}, {@code bad_value})
 * @param message what the tab is told
 */
public record Rejection(String code, String message) {
}
