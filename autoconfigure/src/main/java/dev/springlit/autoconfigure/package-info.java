/**
 * Spring Boot auto-configuration: the engine and its pages from the application's {@code @StreamlitPage} beans,
 * the {@code streamlit.*} properties (the look under {@code streamlit.ui.*} and {@code streamlit.theme.*}), the web
 * layer's beans (stream handler, renderer, endpoints, HTTP guards),
 * Spring Security page access (HTTP rules and {@code @StreamlitPage(roles)}, checked against each other at startup),
 * {@code st.user()} from the {@code Authentication}, the login hand-over and its failure return, metrics and health,
 * and Tomcat's settings (small connection buffers; request threads woken most recently idle first, whose queue,
 * {@code RecentThreadsFirstQueue}, is called by Tomcat's poller and request threads and is thread-safe), present only
 * with Tomcat; on another server (Jetty) a startup warning names the Tomcat-only properties the application set
 * ({@code TomcatOnlySettings}, called once on the thread that starts the server). Everything here runs while the
 * context starts, on the thread that starts it; the beans it creates document their own threading.
 */
package dev.springlit.autoconfigure;
