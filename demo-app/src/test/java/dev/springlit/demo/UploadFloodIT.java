package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5: tabs that upload the largest allowed files at once, at the default limits, against the demo
 * in a JVM of its own with a 256 MB heap (uploads used to be buffered whole in the heap: 4 tabs × 2 × 50 MB
 * gave HTTP 500 with OutOfMemoryError). Every upload is answered 200 or refused with 503 and its message, a
 * tab beside them counts every click, the heap after GC returns to where it was once the tabs are gone, the
 * spooled files go with their sessions and the spool directory with the process.
 */
class UploadFloodIT {

    private static final int MB = 1024 * 1024;
    private static final int TABS = 4;
    private static final int UPLOADS_PER_TAB = 2;
    /** The default streamlit.server.max-upload-size: every upload is as large as allowed. */
    private static final byte[] LARGEST = new byte[50 * MB];
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s.*?\\bused\\s+(\\d+)K");
    private static final Pattern UPLOADER = Pattern.compile("data-sl-widget=\"([^\"]+)\" data-sl-kind=\"file_uploader\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Path work;
    private static Path spoolParent;
    private static Path leftover;
    private static Process server;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        Arrays.fill(LARGEST, (byte) 'x');
        work = Files.createDirectories(Path.of("target", "upload-flood").toAbsolutePath());
        spoolParent = Files.createDirectories(work.resolve("tmp"));
        // what a crashed earlier process (its pid no longer runs) left behind: the new one cleans it up
        leftover = Files.createDirectories(spoolParent.resolve("springlit-uploads-" + deadPid() + "-0badf00d"));
        Files.writeString(leftover.resolve("upload-1.part"), "left by a crash");
        port = freePort();
        Path jar;
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("springlit-demo-app-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The demo jar is missing in target/: run this test "
                            + "through `./mvnw verify` (the package phase builds it)"));
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--streamlit.server.disconnected-session-ttl=1s",
                // 4 of the 8 uploads fit on disk: the others must get a clean 503
                "--streamlit.server.max-upload-disk=200MB",
                "--streamlit.server.upload-directory=" + spoolParent);
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile()).start();
        awaitReady();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void tabsUploadingTheLargestFilesAtOnceCannotExhaustTheHeap() throws Exception {
        assertThat(leftover).as("a dead process's spool directory is removed at startup").doesNotExist();
        try (StreamClient probe = StreamClient.connect(port)) {
            probe.hello(null, "/counter", false);
            probe.awaitType("session");
            probe.awaitRunEnd();
            String increment = probe.buttonId("Increment");
            long heapBefore = heapUsedAfterFullGc();

            List<StreamClient> attackers = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
            int clicks = 0;
            long slowestClickMs = 0;
            long started = System.nanoTime();
            try {
                for (int t = 0; t < TABS; t++) {
                    StreamClient tab = StreamClient.connect(port);
                    attackers.add(tab);
                    tab.hello(null, "/widgets", false);
                    String session = tab.awaitType("session").path("id").asString();
                    tab.awaitRunEnd();
                    Matcher uploader = UPLOADER.matcher(tab.screen());
                    assertThat(uploader.find()).isTrue();
                    String widget = ProtocolFuzzIT.unescape(uploader.group(1));
                    for (int u = 0; u < UPLOADS_PER_TAB; u++) {
                        uploads.add(HTTP.sendAsync(upload(session, widget, LARGEST), HttpResponse.BodyHandlers.ofString()));
                    }
                }
                CompletableFuture<Void> all = CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new));
                // the probe tab keeps clicking while the uploads arrive, and each click must count
                while (!all.isDone() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(90)) {
                    long sent = System.nanoTime();
                    probe.click(increment);
                    int expected = ++clicks;
                    probe.await("Count = " + expected, m -> probe.screen().contains("Count = " + expected));
                    slowestClickMs = Math.max(slowestClickMs, (System.nanoTime() - sent) / 1_000_000);
                    Thread.sleep(50);
                }
                all.get(60, TimeUnit.SECONDS);
                long attackMs = (System.nanoTime() - started) / 1_000_000;

                int ok = 0;
                int full = 0;
                for (CompletableFuture<HttpResponse<String>> upload : uploads) {
                    HttpResponse<String> response = upload.get();
                    if (response.statusCode() == 200) {
                        ok++;
                        assertThat(response.body()).contains("\"size\":" + LARGEST.length);
                    } else {
                        full++;
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                        assertThat(response.body()).contains("The server holds as many uploaded files as it may right "
                                + "now (streamlit.server.max-upload-disk); please try again later.");
                    }
                }
                assertThat(ok).as("first come, first served: the disk budget holds 4 uploads").isEqualTo(4);
                assertThat(full).isEqualTo(4);
                assertThat(clicks).as("the probe clicked during the uploads").isPositive();
                assertThat(spooledFiles()).hasSize(ok);
                System.out.printf("UploadFloodIT: %d uploads of 50 MB in %d ms: %d stored, %d refused with 503; the probe "
                        + "counted %d clicks, slowest %d ms%n", uploads.size(), attackMs, ok, full, clicks, slowestClickMs);
            } finally {
                attackers.forEach(StreamClient::close);
            }

            // the attackers are gone: their sessions end after the TTL (1 s) and take their files along
            long left = System.nanoTime();
            long deadline = left + TimeUnit.SECONDS.toNanos(20);
            while (!spooledFiles().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(spooledFiles()).as("spooled files are deleted when their sessions end").isEmpty();
            long deletedMs = (System.nanoTime() - left) / 1_000_000;
            long heapAfter = heapUsedAfterFullGc();
            System.out.printf("UploadFloodIT: spooled files deleted %d ms after the tabs closed; heap after GC %d MB "
                    + "before, %d MB after the sessions ended%n", deletedMs, heapBefore / MB, heapAfter / MB);
            assertThat(heapAfter).as("heap after GC back near its start").isLessThan(heapBefore + 32L * MB);
            assertThat(serverLog()).doesNotContain("OutOfMemoryError");

            // and the server works as before: an upload is stored, the probe's clicks still count
            try (StreamClient visitor = StreamClient.connect(port)) {
                visitor.hello(null, "/widgets", false);
                String session = visitor.awaitType("session").path("id").asString();
                visitor.awaitRunEnd();
                Matcher uploader = UPLOADER.matcher(visitor.screen());
                assertThat(uploader.find()).isTrue();
                HttpResponse<String> response = HTTP.send(upload(session, ProtocolFuzzIT.unescape(uploader.group(1)),
                        new byte[MB]), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }
            probe.click(increment);
            int expected = clicks + 1;
            probe.await("Count = " + expected, m -> probe.screen().contains("Count = " + expected));
        }

        // a graceful stop deletes the spool directory
        server.destroy();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (Stream<Path> left = Files.list(spoolParent)) {
            assertThat(left.toList()).as("no spool directory after shutdown").isEmpty();
        }
    }

    private static HttpRequest upload(String session, String widget, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_springlit/upload/" + session
                        + "?widget=" + URLEncoder.encode(widget, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(90))
                .header("Content-Type", "text/plain")
                .header("X-Springlit-Filename", "big.txt")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** The files in the running server's spool directory. */
    private static List<Path> spooledFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(spoolParent, "springlit-uploads-" + server.pid() + "-*")) {
            for (Path dir : dirs) {
                try (Stream<Path> inside = Files.list(dir)) {
                    files.addAll(inside.toList());
                }
            }
        }
        return files;
    }

    private static long heapUsedAfterFullGc() throws Exception {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        assertThat(used.find()).as(info).isTrue();
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String jcmd(String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()), command).redirectErrorStream(true).start();
        byte[] out = jcmd.getInputStream().readAllBytes();
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String serverLog() throws IOException {
        return Files.readString(work.resolve("server.log"), StandardCharsets.ISO_8859_1);
    }

    private static void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The demo exited before it was ready:\n" + serverLog());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/counter")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The demo was not ready within 90 s:\n" + serverLog());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long deadPid() {
        for (long pid = 4_000_000; pid > 1; pid -= 7) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
        throw new IllegalStateException("no unused pid");
    }
}
