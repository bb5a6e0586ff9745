package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.microsoft.playwright.Download;

/**
 * Issue 15: the demo behind Spring Security's defaults (form login, CSRF protection on), with the README's
 * SecurityFilterChain and nothing exempted: log in, upload a file, download one. The shell carries the CSRF token
 * in Spring Security's standard meta tags and the client sends its header; an upload without it is refused.
 */
@SpringBootTest(classes = {DemoApplication.class, SpringSecurityBrowserIT.Security.class},
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.autoconfigure.exclude=") // Boot's security auto-configuration back on (see application.properties)
class SpringSecurityBrowserIT extends BrowserSupport {

    /** The README's example, as an application declares it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Security {

        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                    .formLogin(withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("ada").password("{noop}analytical-engine").roles("USER").build());
        }
    }

    private void logIn(String path) {
        page.navigate(url(path));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.getByLabel("Username").fill("ada");
        page.getByLabel("Password").fill("analytical-engine");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*" + path + "(\\?continue)?$"));
        awaitIdle();
    }

    @Test
    void aUserLogsInUploadsAFileAndDownloadsOneWithCsrfProtectionOn() throws Exception {
        logIn("/widgets");
        assertThat(page.locator("meta[name='_csrf_header']")).hasAttribute("content", "X-CSRF-TOKEN");
        assertThat(page.locator("meta[name='_csrf']")).hasAttribute("content", Pattern.compile(".{16,}"));

        Path file = Files.createTempFile("springlit-csrf", ".txt");
        try {
            Files.writeString(file, "sent with the CSRF header", StandardCharsets.UTF_8);
            int before = finishedRuns();
            page.getByLabel("Upload a text file").setInputFiles(file);
            awaitRunsAfter(before);
            assertThat(page.locator("#sl-main .sl-text pre")).hasText("sent with the CSRF header");
        } finally {
            Files.deleteIfExists(file);
        }

        Download download = page.waitForDownload(() -> page.getByText("Download a greeting").click());
        assertThat(download.failure()).isNull();
        assertThat(Files.readString(download.path(), StandardCharsets.UTF_8)).isEqualTo("Hello from Springlit!");
        awaitIdle();
    }

    @Test
    void anUploadWithoutTheCsrfHeaderIsRefused() {
        logIn("/widgets");
        expectedConsoleError = "403";
        Object status = page.evaluate("async () => {"
                + " const url = document.querySelector('[data-sl-upload-url]').getAttribute('data-sl-upload-url');"
                + " const response = await fetch(url, {method: 'POST', body: 'x',"
                + "   headers: {'Content-Type': 'text/plain', 'X-Springlit-Filename': 'x.txt'}});"
                + " return response.status; }");
        assertThat(status).isEqualTo(403);
    }

    @Test
    void aVisitorWhoIsNotLoggedInGetsTheLoginPageAndNoWebSocket() {
        page.navigate(url("/counter"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("body[data-sl-connection]")).hasCount(0);
    }
}
