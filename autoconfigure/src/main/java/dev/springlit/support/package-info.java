/**
 * Pure helpers that the facade ({@code dev.springlit}), the runtime and the web layer share, such as making a
 * client-sent file name safe. They depend on nothing else of Springlit, so every layer may use them without a
 * cycle; they are public only because Java has no visibility across packages, and are not API (the ArchUnit
 * test {@code LayeringTest} pins that). Stateless, so safe from any thread.
 */
package dev.springlit.support;
