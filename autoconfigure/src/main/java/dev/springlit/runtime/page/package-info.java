/**
 * The app's pages: each {@code @StreamlitPage} bean as the runtime knows it ({@code PageDescriptor}), all of them by
 * path ({@code PageRegistry}), and who may see one ({@code PageAccess}, {@code PageRoles}). Sessions, runs, the
 * web layer and the tester all look pages up here; it depends on nothing of the runtime.
 * <p>
 * Threading: built once at startup and read-only afterwards; safe from any thread.
 */
package dev.springlit.runtime.page;
