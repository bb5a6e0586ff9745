/**
 * What the browser shows, as immutable values: one record per element kind (headings, markdown, widgets, blocks,
 * ...), produced by the runtime, compared between runs and rendered to HTML by the web layer; {@code ElementPath}
 * says where one sits, {@code WidgetKind} names every widget kind once. Depends on nothing
 * else of Springlit (the ArchUnit test pins it). Public so the page tester can hand them to tests. Immutable, so
 * safe to share between the run thread that draws them and the thread that renders them.
 */
package dev.springlit.element;
