package dev.springlit.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which Host headers are answered: DNS rebinding names are not, the server's own names are. */
class AllowedHostsTest {

    @Test
    void onLoopbackOnlyLoopbackNamesAreAnsweredWithAnyPort() {
        AllowedHosts hosts = AllowedHosts.of(List.of(), true);
        for (String ok : List.of("localhost", "localhost:8501", "LOCALHOST:1", "app.localhost:80", "127.0.0.1",
                "127.0.0.1:8080", "127.1.2.3:9", "[::1]", "[::1]:8080", "localhost.")) {
            assertThat(hosts.allows(ok)).as(ok).isTrue();
        }
        for (String refused : List.of("evil.example", "evil.example:8080", "127.0.0.1.evil.example",
                "localhost.evil.example:8080", "127.0.0.1evil", "192.168.1.5:8080", "[::2]:80", "", "local host",
                "localhost\r\nX-Injected: 1", "0.0.0.0:8080")) {
            assertThat(hosts.allows(refused)).as(refused).isFalse();
        }
        assertThat(hosts.allows(null)).as("no Host header at all (HTTP/1.0): not a browser").isTrue();
    }

    @Test
    void onOtherAddressesEveryNameIsAnsweredUnlessConfigured() {
        assertThat(AllowedHosts.of(List.of(), false).allows("evil.example:8080")).isTrue();
        assertThat(AllowedHosts.of(List.of("*"), true).allows("evil.example:8080")).isTrue();
    }

    @Test
    void configuredNamesAndSuffixPatterns() {
        AllowedHosts hosts = AllowedHosts.of(List.of("app.example.com", "*.corp.example:443", "10.0.0.5", "[::1]"),
                true);
        assertThat(hosts.allows("app.example.com")).isTrue();
        assertThat(hosts.allows("APP.example.com:8443")).isTrue();
        assertThat(hosts.allows("dash.corp.example")).isTrue();
        assertThat(hosts.allows("10.0.0.5:8080")).isTrue();
        assertThat(hosts.allows("[::1]:1")).isTrue();
        assertThat(hosts.allows("corp.example")).as("a suffix pattern names subdomains").isFalse();
        assertThat(hosts.allows("evilcorp.example")).isFalse();
        assertThat(hosts.allows("app.example.com.evil.example")).isFalse();
        assertThat(hosts.allows("localhost")).as("a configured list replaces the loopback default").isFalse();
    }
}
