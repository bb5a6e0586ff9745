/**
 * HTML: the Thymeleaf rendering of elements ({@code ElementRenderer}, one template file per element kind; tables,
 * charts and JSON written directly by {@code TableHtml}, {@code ChartDiv} and {@code JsonDetails}, tested against
 * their templates), Markdown ({@code MarkdownRenderer}, {@code MarkdownDiv}, {@code SafeUrls}, {@code CodeLanguage}),
 * and the page shell a tab first loads ({@code PageShell} with its cache {@code RenderedShells} of {@code ShellBytes},
 * the bytes its GET sends, and {@code FirstRunShell}, which puts a new tab's first run in; {@code NavItem},
 * {@code PageLayouts}) with the app's look ({@code Appearance}, the theme's stylesheet) and the not-found page. Every
 * URL it writes comes from {@code web.http.Routes}. Public types exist for the protocol, the stream and the
 * auto-configuration, not for applications.
 * <p>
 * Threading: rendering is stateless and thread-safe (the shell cache is a concurrent map); it runs on the thread
 * that delivers a session's outbox (one at a time per session, outside the runtime's locks) or on a request's thread
 * for the shell.
 */
package dev.springlit.web.render;
