package dev.springlit.runtime.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux knows of a thread that Java does not tell: whether it is runnable, on a core or waiting for one. Java
 * shows a thread in native I/O and one waiting for a core both as {@code RUNNABLE}, and a thread whose park has
 * ended as parked until it gets a core; Linux's state ({@code R}) tells them apart. Read from {@code /proc}; where
 * there is none, nothing is known ({@code -1}, {@code false}) and the caller goes by Java's view alone.
 */
final class LinuxThreads {

    private static final Path SELF = Path.of("/proc/thread-self");

    private LinuxThreads() {
    }

    /** The calling thread's Linux id, or -1 where there is no {@code /proc}. */
    static int currentId() {
        try {
            Path link = Files.readSymbolicLink(SELF); // "<pid>/task/<tid>"
            return Integer.parseInt(link.getFileName().toString());
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    /** Whether the thread with Linux id {@code id} of this process is runnable now: on a core or waiting for one. */
    static boolean runnable(int id) {
        if (id < 0) {
            return false;
        }
        try {
            String stat = new String(Files.readAllBytes(Path.of("/proc/self/task/" + id + "/stat")),
                    StandardCharsets.US_ASCII);
            int nameEnd = stat.lastIndexOf(')'); // the name may hold spaces and parentheses; the state follows it
            return nameEnd > 0 && nameEnd + 2 < stat.length() && stat.charAt(nameEnd + 2) == 'R';
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }
}
