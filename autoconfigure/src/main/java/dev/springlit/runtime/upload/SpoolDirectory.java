package dev.springlit.runtime.upload;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The temporary directory one application instance spools uploads into:
 * {@code springlit-uploads-<pid>-<random>} under the configured parent (java.io.tmpdir by default), readable by
 * the process's user only. Created on first use and deleted with everything in it on {@link #close()}; the
 * directories of processes that are no longer alive (a crash, a kill -9) are deleted when the next one starts.
 */
final class SpoolDirectory implements AutoCloseable {

    static final String PREFIX = "springlit-uploads-";

    private static final Log log = LogFactory.getLog(SpoolDirectory.class);

    private final Path directory;
    private boolean created;

    SpoolDirectory(Path parent) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        // the pid tells a later process whether this directory's owner is still alive; the random part keeps
        // two applications of one JVM (test contexts) apart
        this.directory = parent.resolve(PREFIX + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random));
        removeLeftovers(parent);
    }

    Path path() {
        return directory;
    }

    /** A new empty file in the directory (created first if needed). */
    synchronized Path newFile() throws IOException {
        if (!created) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
            created = true;
        }
        return Files.createTempFile(directory, "upload-", ".part");
    }

    /** Deletes the directory and every file in it. */
    @Override
    public synchronized void close() {
        deleteTree(directory);
        created = false;
    }

    /** Deletes the spool directories of processes that are gone. */
    static void removeLeftovers(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path entry : entries) {
                long owner = ownerPid(entry.getFileName().toString());
                if (owner > 0 && ProcessHandle.of(owner).isEmpty() && Files.isDirectory(entry)) {
                    log.info("Deleting the upload spool directory " + entry + " left by process " + owner);
                    deleteTree(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not look for leftover upload spool directories in " + parent + ": " + e);
        }
    }

    /** The pid in {@code springlit-uploads-<pid>-<random>}, or -1 for a name that is not ours. */
    static long ownerPid(String name) {
        if (!name.startsWith(PREFIX)) {
            return -1;
        }
        String rest = name.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The directory is flat (only spooled files), so one level is all there is. */
    private static void deleteTree(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.warn("Could not delete the upload spool directory " + directory + ": " + e);
        }
    }
}
