package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.springlit.SessionState;
import dev.springlit.UploadedFile;

/** fileUploader and downloadButton: values, triggers, and S4.6. */
class FileWidgetsTest {

    private final SessionState state = PageTester.sessionStateProxy();

    @Test
    void anUploadedFileReachesThePageWithItsNameTypeAndBytes() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (PageTester t = PageTester.of(st -> {
            UploadedFile file = st.fileUploader("Data", o -> o.type("csv").key("data"));
            if (file != null) {
                seen.add(file.name() + "|" + file.contentType() + "|" + new String(file.bytes(), StandardCharsets.UTF_8));
            }
        }).run()) {
            assertThat(t.fileUploader("Data").value()).isEqualTo(List.of());
            t.fileUploader("Data").upload("sales.csv", "text/csv", "a,b\n1,2".getBytes(StandardCharsets.UTF_8)).run();
            assertThat(seen).containsExactly("sales.csv|text/csv|a,b\n1,2");
            assertThat(t.sessionState().get("data")).asList().singleElement()
                    .extracting(f -> ((UploadedFile) f).size()).isEqualTo(7L);
            t.fileUploader("Data").clearFiles().run();
            assertThat(t.fileUploader("Data").value()).isEqualTo(List.of());
        }
    }

    @Test
    void aMultipleUploaderCollectsFiles() {
        try (PageTester t = PageTester.of(st -> st.write("files:", st.fileUploaderMultiple("Docs", o -> { }).size())).run()) {
            t.fileUploader("Docs").upload("a.txt", "text/plain", new byte[] {1}).run();
            t.fileUploader("Docs").upload("b.txt", "text/plain", new byte[] {2, 3}).run();
            assertThat(t.markdown(0).value()).isEqualTo("files: 2");
        }
    }

    @Test
    void S4_6_aFileUploadersValueCannotBeSetThroughState() {
        try (PageTester t = PageTester.of(st -> {
            state.put("data", List.of());
            st.fileUploader("Data", o -> o.key("data"));
        }).run()) {
            assertThat(t.exceptions()).singleElement().extracting(ExceptionInfo::message)
                    .isEqualTo("Values for the widget with key \"data\" cannot be set using SessionState.");
        }
    }

    @Test
    void S2_10_aDownloadButtonIsTrueOnlyInTheRunItsClickCauses() {
        List<Boolean> clicks = Collections.synchronizedList(new ArrayList<>());
        try (PageTester t = PageTester.of(st -> clicks.add(st.downloadButton("Export", "a,b", "export.csv"))).run()) {
            t.downloadButton("Export").click().run();
            t.run();
            assertThat(clicks).containsExactly(false, true, false);
            assertThat(t.downloadButton("Export").props()).containsEntry("fileName", "export.csv");
        }
    }

    @Test
    void S4_6_aDownloadButtonsValueCannotBeSetThroughState() {
        try (PageTester t = PageTester.of(st -> {
            state.put("dl", true);
            st.downloadButton("Export", new byte[] {1}, "x.bin", o -> o.key("dl"));
        }).run()) {
            assertThat(t.exceptions()).singleElement().extracting(ExceptionInfo::message)
                    .isEqualTo("Values for the widget with key \"dl\" cannot be set using SessionState.");
        }
    }
}
