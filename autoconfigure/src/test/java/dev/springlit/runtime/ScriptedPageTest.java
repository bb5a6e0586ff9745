package dev.springlit.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.springlit.runtime.RuntimeHarness.Tab;

/** Tests whose page each test scripts itself: one app and one open tab per test. */
abstract class ScriptedPageTest {

    final ScriptedPage page = new ScriptedPage();
    RuntimeHarness harness;
    Tab tab;

    @BeforeEach
    void open() {
        harness = RuntimeHarness.start(page);
        tab = harness.open();
    }

    @AfterEach
    void close() {
        harness.close();
    }
}
