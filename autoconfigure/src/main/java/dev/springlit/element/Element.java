package dev.springlit.element;

/**
 * One thing a page draws, as plain immutable data: independent of HTML, JSON and the transport.
 * Two runs that draw equal elements at the same position send nothing to the browser; that is why every
 * implementation is a record with value equality.
 */
public sealed interface Element permits Heading, Markdown, Text, Code, Divider, Alert, ExceptionElement, Json, Button, Widget, Block, PageLink,
        Metric, Table, Image, Chart, Progress, Spinner, Toast {

    /** The element's kind as the renderer and the browser know it, such as {@code "heading"}. */
    String kind();
}
