/**
 * The page tester, Streamlit's {@code AppTest} in Java: {@link dev.springlit.test.PageTester} runs a page in a
 * real engine without a browser, as a tab would, and lets a test read what it shows and use its widgets. It is a
 * client of the engine like the browser: its {@code TesterTab} applies the messages the session sends to its own
 * {@code ClientTree}, which is all the element accessors read, and interactions go in as the protocol sends them.
 * <pre>{@code
 * try (PageTester t = PageTester.of(CounterPage.class).run()) {
 *     t.button("Increment").click().run();
 *     assertThat(t.markdown(0).value()).isEqualTo("Count = 1");
 * }
 * }</pre>
 * Threading: a tester belongs to the test's thread; its runs happen on the engine's run threads and each
 * {@code run()} waits until the session is idle, so what it reads afterwards is what the run left. The session's
 * outbox delivers to the tab from one thread at a time; the tab's monitor guards its tree against the test's reads.
 */
package dev.springlit.test;
