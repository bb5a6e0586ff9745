package dev.springlit.runtime.widget;

import java.util.List;

/**
 * What applying a tab's widget values did: the widgets whose value changed (clicks included), in page order, and
 * the parts of the message that were refused, for the runner to report.
 */
public record AppliedValues(List<WidgetMeta> changed, List<Rejection> rejections) {
}
