/**
 * Who a tab is and where: what its handshake and browser said ({@code TabContext}: headers, cookies, origin,
 * locales, time zone, theme), and the signed-in user with the logout form's token ({@code TabIdentity}), behind
 * {@code st.context()} and {@code st.user()}. Values only; no sessions, no runs.
 * <p>
 * Threading: a {@code TabContext} is immutable; a {@code TabIdentity} is written by the connection's thread and
 * read by runs, each of its fields one volatile, immutable value.
 */
package dev.springlit.runtime.identity;
