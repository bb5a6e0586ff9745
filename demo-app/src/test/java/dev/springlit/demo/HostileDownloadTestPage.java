package dev.springlit.demo;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * A test-only page for {@link DownloadNamesIT}: download buttons whose file names a page might build from user
 * input. Present only where {@code springlit-test.download-page=true}.
 */
@StreamlitPage(path = "/test-downloads", title = "Hostile download names")
@ConditionalOnProperty(name = "springlit-test.download-page", havingValue = "true")
class HostileDownloadTestPage implements Page {

    /** Each name, and what the browser should be offered instead. */
    static final List<String[]> NAMES = List.of(
            new String[] {"report\r\nSet-Cookie: stolen=1\r\n.txt", "reportSet-Cookie: stolen=1.txt"},
            new String[] {"line\nfeed.csv", "linefeed.csv"},
            new String[] {"nul\u0000byte.txt", "nulbyte.txt"},
            new String[] {"invoice\u202Efdp.exe", "invoicefdp.exe"},
            new String[] {"quote\"and;semicolon.txt", "quote\"and;semicolon.txt"},
            new String[] {"Grüße – été 日本.txt", "Grüße – été 日本.txt"},
            new String[] {"\r\n\u0000", "file"},
            new String[] {"plain.txt", "plain.txt"});

    @Override
    public void render(St st) {
        for (int i = 0; i < NAMES.size(); i++) {
            st.downloadButton("Download " + i, "content " + i, NAMES.get(i)[0]);
        }
    }
}
