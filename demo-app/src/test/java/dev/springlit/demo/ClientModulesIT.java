package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;

/**
 * Unit tests of the browser client's modules (issue 13): the test cases in {@code src/test/resources/client-tests}
 * ({@code *.test.js}, on a tiny harness of their own) import the modules from {@code springlit/static} and run
 * in Chromium; every case becomes one test here, named after it, failing with the case's message. No server:
 * the tab's requests to {@code http://springlit.test} are answered from the classpath, under a policy as strict
 * as the shell's (no inline script, no eval, no style attribute).
 */
class ClientModulesIT extends BrowserSupport {

    private static final String ORIGIN = "http://springlit.test";
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

    /** The cases in the test files today: fewer means a file was left out of run.js or registers nothing. */
    private static final int EXPECTED_CASES = 66;

    @TestFactory
    Stream<DynamicTest> clientModules() {
        context.route(ORIGIN + "/**", ClientModulesIT::serveFromClasspath);
        page.navigate(ORIGIN + "/client-tests/harness.html");
        page.waitForFunction("() => window.__clientTests?.done === true", null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) page.evaluate("() => window.__clientTests.results");
        assertThat(results).as("client test cases that ran").hasSizeGreaterThanOrEqualTo(EXPECTED_CASES);
        System.out.println("ClientModulesIT: " + results.size() + " client test cases, "
                + results.stream().filter(r -> !Boolean.TRUE.equals(r.get("ok"))).count() + " failed");
        return results.stream().map(result -> DynamicTest.dynamicTest(String.valueOf(result.get("name")), () ->
                assertThat(result.get("ok")).as("%s: %s", result.get("name"), result.get("error")).isEqualTo(true)));
    }

    /** {@code /_springlit/static/**} from the client's resources, {@code /client-tests/**} from the test's. */
    private static void serveFromClasspath(Route route) {
        String path = URI.create(route.request().url()).getPath();
        String resource = path.startsWith("/_springlit/static/") ? "springlit/static/" + path.substring(19)
                : path.startsWith("/client-tests/") ? path.substring(1) : null;
        byte[] body = resource == null || resource.contains("..") ? null : read(resource);
        if (body == null) {
            route.fulfill(new Route.FulfillOptions().setStatus(404).setBody("not found: " + path));
            return;
        }
        String type = resource.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8";
        route.fulfill(new Route.FulfillOptions().setStatus(200).setBodyBytes(body)
                .setHeaders(Map.of("Content-Type", type, "Content-Security-Policy", POLICY, "Cache-Control", "no-store")));
    }

    private static byte[] read(String resource) {
        try (InputStream in = ClientModulesIT.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
