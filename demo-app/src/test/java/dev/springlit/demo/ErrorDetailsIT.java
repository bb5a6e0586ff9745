package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Error details in production (issue 12, item 6): with {@code streamlit.client.show-error-details} at its default
 * (off; the demo turns it on, so this test turns it back off), a failing page shows the visitor a generic text
 * and a short reference, never the exception's class, message (here a JDBC URL with a password) or stack; the
 * server's log has the full trace under the same reference, and the tab keeps working.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"springlit-test.failing-page=true", "streamlit.client.show-error-details=false"})
@ExtendWith(OutputCaptureExtension.class)
class ErrorDetailsIT {

    private static final Pattern REFERENCE = Pattern.compile("Reference: <code>([0-9a-f]{8})</code>");

    @LocalServerPort
    int port;

    @Test
    void theVisitorSeesAReferenceAndTheLogHasTheDetails(CapturedOutput log) {
        try (StreamClient tab = StreamClient.connect(port)) {
            tab.hello(null, "/test-failing", false);
            tab.awaitType("session");
            tab.awaitRunEnd();
            tab.click(tab.buttonId("Fail"));
            tab.await("the exception", m -> tab.screen().contains("sl-exception"));
            String screen = tab.screen();
            assertThat(screen).contains("This app has encountered an error", "before the failure")
                    .doesNotContain("hunter2", "jdbc:", "IllegalStateException", "FailingTestPage", "Traceback");
            Matcher reference = REFERENCE.matcher(screen);
            assertThat(reference.find()).as("a reference in " + screen).isTrue();

            String out = log.getOut();
            int line = out.indexOf("reference " + reference.group(1));
            assertThat(line).as("the log line with reference " + reference.group(1)).isNotNegative();
            assertThat(out.substring(line)).contains("java.lang.IllegalStateException: Cannot connect to "
                    + FailingTestPage.SECRET).contains("at dev.springlit.demo.FailingTestPage.render");

            // The session keeps working: the next run draws the page without the error.
            tab.send(java.util.Map.of("type", "rerun", "widgets", java.util.Map.of()));
            tab.await("the page without the error", m -> !tab.screen().contains("sl-exception"));
        }
    }
}
