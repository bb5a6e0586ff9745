package dev.springlit.runtime.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.springlit.UploadedFile;

/** The upload store: small uploads in memory, large ones on disk, both within server-wide budgets. */
class UploadStoreTest {

    private static final int KB = 1024;

    @TempDir
    Path tmp;

    private static InputStream body(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) i;
        }
        return new ByteArrayInputStream(bytes);
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    @Test
    void smallUploadsStayInMemoryLargeOnesGoToDiskAndDiscardGivesEverythingBack() throws Exception {
        try (UploadStore store = new UploadStore(tmp, 256 * KB, 1024 * KB, 4096 * KB)) {
            StoredUpload small = store.receive(body(100 * KB), 1024 * KB, -1, "small.txt", "text/plain");
            StoredUpload large = store.receive(body(600 * KB), 1024 * KB, -1, "large.bin", null);

            assertThat(store.memoryHeld()).isEqualTo(100 * KB);
            assertThat(store.diskHeld()).isEqualTo(600 * KB);
            assertThat(files(store.spoolDirectory())).hasSize(1);
            assertThat(large.file().size()).isEqualTo(600 * KB);
            assertThat(large.file().bytes()).isEqualTo(body(600 * KB).readAllBytes());
            assertThat(small.file().bytes()).isEqualTo(body(100 * KB).readAllBytes());
            assertThat(small.file().id()).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(large.file().id());

            large.discard();
            large.discard(); // twice gives back once
            small.discard();
            assertThat(store.memoryHeld()).isZero();
            assertThat(store.diskHeld()).isZero();
            assertThat(files(store.spoolDirectory())).isEmpty();
        }
    }

    @Test
    void anUploadPastTheLimitIsRefusedWithoutReadingTheRest() throws Exception {
        try (UploadStore store = new UploadStore(tmp, 256 * KB, 1024 * KB, 4096 * KB)) {
            CountingInput endless = new CountingInput(Long.MAX_VALUE);
            assertThatThrownBy(() -> store.receive(endless, 1000 * KB, -1, "big.bin", null))
                    .isInstanceOfSatisfying(UploadRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(UploadRefusedException.Reason.TOO_LARGE));
            assertThat(endless.read).as("read up to the limit, then stopped").isLessThanOrEqualTo(1000 * KB + 16 * KB);
            assertThat(store.memoryHeld()).isZero();
            assertThat(store.diskHeld()).isZero();
            assertThat(files(store.spoolDirectory())).as("the partly spooled file is deleted").isEmpty();
        }
    }

    @Test
    void pastTheMemoryBudgetSmallUploadsGoToDiskAndPastTheDiskBudgetTheyAreRefused() throws Exception {
        try (UploadStore store = new UploadStore(tmp, 256 * KB, 200 * KB, 300 * KB)) {
            StoredUpload first = store.receive(body(150 * KB), 1024 * KB, -1, "a", null);
            StoredUpload second = store.receive(body(150 * KB), 1024 * KB, -1, "b", null);
            assertThat(store.memoryHeld()).isEqualTo(150 * KB);
            assertThat(store.diskHeld()).as("the second did not fit in memory").isEqualTo(150 * KB);

            assertThatThrownBy(() -> store.receive(body(200 * KB), 1024 * KB, -1, "c", null))
                    .isInstanceOfSatisfying(UploadRefusedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(UploadRefusedException.Reason.SERVER_FULL);
                        assertThat(e.getMessage()).isEqualTo("The server holds as many uploaded files as it may right "
                                + "now (streamlit.server.max-upload-disk); please try again later.");
                    });
            assertThat(store.memoryHeld()).isEqualTo(150 * KB);
            assertThat(store.diskHeld()).isEqualTo(150 * KB);
            assertThat(files(store.spoolDirectory())).hasSize(1);

            second.discard();
            StoredUpload third = store.receive(body(200 * KB), 1024 * KB, -1, "c", null);
            assertThat(third.file().size()).isEqualTo(200 * KB);
            first.discard();
            third.discard();
            assertThat(store.memoryHeld() + store.diskHeld()).isZero();
        }
    }

    @Test
    void aDeclaredLengthIsReservedUpFrontSoConcurrentUploadsAreServedInTurn() throws Exception {
        try (UploadStore store = new UploadStore(tmp, 256 * KB, 1024 * KB, 1000 * KB)) {
            // two uploads of 600 KB announced: the first gets the room, the second is refused before a byte of
            // it is read (concurrent ones would otherwise both fail halfway)
            InputStream firstBody = body(600 * KB);
            CountingInput secondBody = new CountingInput(600 * KB);
            StoredUpload first = store.receive(firstBody, 1024 * KB, 600 * KB, "a", null);
            assertThatThrownBy(() -> store.receive(secondBody, 1024 * KB, 600 * KB, "b", null))
                    .isInstanceOfSatisfying(UploadRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(UploadRefusedException.Reason.SERVER_FULL));
            assertThat(secondBody.read).isZero();
            assertThat(store.diskHeld()).isEqualTo(600 * KB);

            // a declared length longer than the body: only what arrived is held
            StoredUpload shorter = store.receive(body(100 * KB), 1024 * KB, 200 * KB, "c", null);
            assertThat(shorter.file().size()).isEqualTo(100 * KB);
            assertThat(store.memoryHeld()).isEqualTo(100 * KB);
            first.discard();
            shorter.discard();
            assertThat(store.memoryHeld() + store.diskHeld()).isZero();
        }
    }

    @Test
    void withSpoolingOffEverythingMustFitInMemory() throws Exception {
        try (UploadStore store = new UploadStore(tmp, 256 * KB, 500 * KB, 0)) {
            StoredUpload big = store.receive(body(400 * KB), 1024 * KB, -1, "a", null);
            assertThat(store.memoryHeld()).isEqualTo(400 * KB);
            assertThatThrownBy(() -> store.receive(body(200 * KB), 1024 * KB, -1, "b", null))
                    .isInstanceOfSatisfying(UploadRefusedException.class, e -> assertThat(e.getMessage())
                            .contains("streamlit.server.max-upload-memory"));
            big.discard();
            assertThat(store.memoryHeld()).isZero();
            assertThat(files(store.spoolDirectory())).isEmpty();
        }
    }

    @Test
    void aClientThatBreaksOffLeavesNothingBehind() throws Exception {
        try (UploadStore store = new UploadStore(tmp, 64 * KB, 1024 * KB, 4096 * KB)) {
            InputStream broken = new CountingInput(300 * KB) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (read >= 200 * KB) {
                        throw new IOException("connection reset");
                    }
                    return super.read(b, off, len);
                }
            };
            assertThatThrownBy(() -> store.receive(broken, 1024 * KB, -1, "a", null)).hasMessage("connection reset");
            assertThat(store.memoryHeld() + store.diskHeld()).isZero();
            assertThat(files(store.spoolDirectory())).isEmpty();
        }
    }

    @Test
    void closingDeletesTheSpoolDirectoryAndTheNextStartRemovesADeadProcesssLeftovers() throws Exception {
        UploadStore store = new UploadStore(tmp, 1, 1024 * KB, 4096 * KB);
        UploadedFile kept = store.receive(body(10 * KB), 1024 * KB, -1, "a", null).file();
        Path directory = store.spoolDirectory();
        assertThat(files(directory)).hasSize(1);
        store.close();
        assertThat(directory).doesNotExist();
        assertThatThrownBy(kept::bytes).hasMessageContaining("no longer available");

        // a crashed process's directory (its pid no longer runs) and a live one's
        long dead = deadPid();
        Path leftover = Files.createDirectories(tmp.resolve(SpoolDirectory.PREFIX + dead + "-0badf00d"));
        Files.writeString(leftover.resolve("upload-1.part"), "old");
        Path alive = Files.createDirectories(tmp.resolve(SpoolDirectory.PREFIX + ProcessHandle.current().pid() + "-1234"));
        Path unrelated = Files.createDirectories(tmp.resolve("springlit-uploads-notapid"));
        try (UploadStore next = new UploadStore(tmp, 1, KB, KB)) {
            assertThat(leftover).doesNotExist();
            assertThat(alive).exists();
            assertThat(unrelated).exists();
        }
    }

    private static long deadPid() {
        for (long pid = 4_000_000; pid > 1; pid -= 7) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
        throw new AssertionError("no free pid");
    }

    /** An input of {@code size} bytes that counts what was read. */
    private static class CountingInput extends InputStream {
        final long size;
        long read;

        CountingInput(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 7;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            read += n;
            return n;
        }
    }
}
