package dev.springlit.deploy.requestthreads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 20: Tomcat's idle request threads are woken most recently idle first, so one client's requests (a tab's
 * messages) keep to the warm thread that served the last one, while {@code server.tomcat.threads.*} still size the
 * pool. Tomcat's own queue wakes the thread idle longest: a lone client's requests go round all idle threads.
 */
class WarmRequestThreadsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void i20_aClientsRequestsOneAfterTheOtherAreServedByTheThreadThatServedItsLastOne() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            Set<String> threads = sequentialRequestsAfterABurst(port(app));
            // Tomcat's queue: one thread after the other, as many as the burst left idle (20)
            assertThat(threads).as("threads that served 40 requests one after the other").hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void i20_withWarmRequestThreadsOffTomcatsOwnQueueServesThemByTurns() throws Exception {
        try (ConfigurableApplicationContext app = start("--streamlit.server.warm-request-threads=false")) {
            assertThat(sequentialRequestsAfterABurst(port(app))).hasSizeGreaterThan(10);
        }
    }

    @Test
    void i20_serverTomcatThreadsStillSizeTheRequestThreads() throws Exception {
        try (ConfigurableApplicationContext app = start("--server.tomcat.threads.max=7",
                "--server.tomcat.threads.min-spare=2")) {
            ThreadReportingApp.mostAtOnce.set(0);
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                held.add(get(port(app), 200));
            }
            Set<String> threads = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> answer : held) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                threads.add(response.body());
            }
            assertThat(ThreadReportingApp.mostAtOnce.get()).as("requests served at once").isEqualTo(7);
            assertThat(threads).as("threads that served them").hasSize(7).allMatch(name -> name.contains("-exec-"));
        }
    }

    @Test
    void i20_theRequestThreadsEndWhenTheServerStops() throws Exception {
        Set<Thread> before = requestThreads();
        Set<Thread> served;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(get(port(app), 0).get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            served = requestThreads();
            served.removeAll(before);
            assertThat(served).as("request threads while the server runs").isNotEmpty();
        }
        // Tomcat stops only executors it created itself: this one must be stopped with its connector
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (served.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(served).as("request threads left after the server stopped").noneMatch(Thread::isAlive);
    }

    private static Set<Thread> requestThreads() {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(thread -> !thread.getName().contains("-exec-"));
        return threads;
    }

    /** 20 requests held at once (so 20 threads exist), then 40 one after the other: the threads that served those. */
    private static Set<String> sequentialRequestsAfterABurst(int port) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(get(port, 300));
        }
        for (CompletableFuture<HttpResponse<String>> answer : burst) {
            assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        Set<String> threads = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> response = get(port, 0).get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            threads.add(response.body());
            Thread.sleep(2);
        }
        return threads;
    }

    private static CompletableFuture<HttpResponse<String>> get(int port, long holdMillis) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/thread?holdMillis="
                + holdMillis)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--streamlit.server.first-render-wait=0"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(ThreadReportingApp.class).run(all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
