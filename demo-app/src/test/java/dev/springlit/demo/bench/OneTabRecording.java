package dev.springlit.demo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JFR settings for finding where one tab's click waits: the server JDK's {@code profile.jfc} with every park,
 * monitor wait and socket event recorded whatever its duration (threshold 0 ms; the profile keeps only those over
 * 10–20 ms, and a click takes well under one) and execution sampled every millisecond instead of every 10 ms.
 */
final class OneTabRecording {

    private static final Map<String, String[]> CHANGES = Map.of(
            "jdk.ThreadPark", new String[] {"threshold", "0 ms"},
            "jdk.JavaMonitorWait", new String[] {"threshold", "0 ms"},
            "jdk.JavaMonitorEnter", new String[] {"threshold", "0 ms"},
            "jdk.SocketRead", new String[] {"threshold", "0 ms"},
            "jdk.SocketWrite", new String[] {"threshold", "0 ms"},
            "jdk.ExecutionSample", new String[] {"period", "1 ms"},
            "jdk.NativeMethodSample", new String[] {"period", "1 ms"});

    private OneTabRecording() {
    }

    /** Writes the settings next to {@code out} and returns their path. */
    static Path settings(Path serverJava, Path out) throws IOException {
        Path profile = serverJava.toAbsolutePath().getParent().getParent().resolve("lib/jfr/profile.jfc");
        String jfc = Files.readString(profile);
        for (Map.Entry<String, String[]> change : CHANGES.entrySet()) {
            Pattern setting = Pattern.compile("(<event name=\"" + Pattern.quote(change.getKey()) + "\">.*?<setting name=\""
                    + change.getValue()[0] + "\"[^>]*>)([^<]*)(</setting>)", Pattern.DOTALL);
            Matcher m = setting.matcher(jfc);
            if (m.find()) {
                jfc = jfc.substring(0, m.start(2)) + change.getValue()[1] + jfc.substring(m.end(2));
            }
        }
        Files.createDirectories(out);
        Path file = out.resolve("one-tab.jfc");
        Files.writeString(file, jfc);
        return file;
    }
}
