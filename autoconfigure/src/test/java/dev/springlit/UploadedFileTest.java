package dev.springlit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link UploadedFile}: the raw name stays as sent, the safe name can be used on disk, spooled content is read on demand. */
class UploadedFileTest {

    private static UploadedFile named(String name) {
        return new UploadedFile("id", name, "text/plain", new byte[] {1});
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "report.csv                 | report.csv",
            "../../etc/passwd           | passwd",
            "..\\..\\windows\\win.ini   | win.ini",
            "C:\\Users\\me\\notes.txt   | notes.txt",
            "/absolute/path/data.json   | data.json",
            "..                         | file",
            ".                          | file",
            "`   `                      | file",
            "/                          | file",
            "../                        | file",
            ".hidden                    | hidden",
            "...dots...                 | dots",
            "trailing. . .              | trailing",
            "CON                        | _CON",
            "con.txt                    | _con.txt",
            "LPT1.log                   | _LPT1.log",
            "console.txt                | console.txt",
            "Grüße – été.txt            | Grüße – été.txt",
    })
    void safeNameIsOnePlainFileName(String raw, String safe) {
        assertThat(named(raw.strip()).safeName()).isEqualTo(safe);
    }

    @Test
    void charactersWindowsForbidsBecomeUnderscores() {
        assertThat(named("a<b>c:d\"e|f?g*h.txt").safeName()).isEqualTo("a_b_c_d_e_f_g_h.txt");
    }

    @Test
    void controlAndInvisibleCharactersAreRemoved() {
        assertThat(named("evil\u0000.txt").safeName()).isEqualTo("evil.txt");
        assertThat(named("line\r\nbreak.txt").safeName()).isEqualTo("linebreak.txt");
        assertThat(named("tab\there\u007f\u0085.txt").safeName()).isEqualTo("tabhere.txt");
        // "invoice‮fdp.exe" shows as "invoiceexe.pdf": the right-to-left override must go
        assertThat(named("invoice\u202Efdp.exe").safeName()).isEqualTo("invoicefdp.exe");
        assertThat(named("a\u2066b\u2067c\u2068d\u2069e\u200Bf\u200Fg\uFEFF.txt").safeName()).isEqualTo("abcdefg.txt");
        assertThat(named("\u0000\u202E\r\n").safeName()).isEqualTo("file");
        assertThat(named("lone\uD800surrogate.txt").safeName()).isEqualTo("lonesurrogate.txt");
    }

    @Test
    void nameStaysExactlyWhatTheBrowserSent() {
        String raw = "../../x\u0000\u202E.txt";
        assertThat(named(raw).name()).isEqualTo(raw);
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String safe = named("a".repeat(300) + ".csv").safeName();
        assertThat(safe).hasSize(80).endsWith(".csv").startsWith("aaaa");
        String emoji = named("😀".repeat(200)).safeName();
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(80);
        assertThat(emoji).isEqualTo("😀".repeat(80));
    }

    @Test
    void aSpooledFileIsReadOnDemandAndFailsClearlyOnceDeleted(@TempDir Path dir) throws Exception {
        Path content = Files.writeString(dir.resolve("upload.part"), "line one\nline two\n");
        UploadedFile file = new UploadedFile("abc", "notes.txt", null, content, Files.size(content));

        assertThat(file.size()).isEqualTo(18);
        assertThat(file.contentType()).isEqualTo("application/octet-stream");
        assertThat(new String(file.bytes(), StandardCharsets.UTF_8)).isEqualTo("line one\nline two\n");
        try (InputStream in = file.inputStream()) {
            assertThat(in.readAllBytes()).hasSize(18);
        }

        Files.delete(content);
        assertThatThrownBy(file::bytes).isInstanceOf(UncheckedIOException.class)
                .hasMessage("The uploaded file \"notes.txt\" (abc): it is no longer available (its tab replaced or "
                        + "removed it, or the session ended)");
        assertThatThrownBy(file::inputStream).isInstanceOf(UncheckedIOException.class);
    }
}
