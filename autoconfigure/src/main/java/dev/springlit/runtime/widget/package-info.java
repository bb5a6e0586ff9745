/**
 * Widget identity and value rules: what a drawer declares about a widget ({@code WidgetSpec}, from which its id
 * follows), what a session remembers of it ({@code WidgetMeta}), how a browser value is checked and turned into
 * the page's value ({@code ValueDecoder}, {@code WidgetCodec}, shared helpers in {@code WidgetCodecs}), and what
 * applying a tab's values gave ({@code AppliedValues}, {@code Rejection}). Values and pure functions only.
 * <p>
 * Threading: everything here is immutable or stateless; codecs run on the run thread and on the thread that
 * checks an arriving value.
 */
package dev.springlit.runtime.widget;
