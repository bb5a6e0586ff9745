package dev.springlit.element;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The kind names the browser knows come from {@link WidgetKind}: the client's registry must list exactly them. */
class WidgetKindTest {

    /** An entry of the KINDS map: {@code ['number_input', numberInput],}. */
    private static final Pattern KINDS_ENTRY = Pattern.compile("^\\s*\\['([a-z_]+)',\\s*[A-Za-z]+\\],?\\s*$",
            Pattern.MULTILINE);

    @Test
    void theClientHasAHandlerForEveryValueWidgetKindAndForNoOtherKind() throws IOException {
        List<String> clientKinds = new ArrayList<>();
        Matcher entry = KINDS_ENTRY.matcher(resource("springlit/static/widgets/kinds.js"));
        while (entry.find()) {
            clientKinds.add(entry.group(1));
        }

        List<String> valueKinds = Arrays.stream(WidgetKind.values()).filter(WidgetKind::holdsValue)
                .map(WidgetKind::wireName).toList();
        assertThat(clientKinds).containsExactlyInAnyOrderElementsOf(valueKinds);
    }

    @Test
    void everyWidgetKindHasItsOwnTemplateFileWithAFragmentOfItsName() throws IOException {
        for (WidgetKind kind : WidgetKind.values()) {
            String file = kind == WidgetKind.BUTTON ? "elements/button" : "widgets/" + kind.wireName();
            assertThat(resource("templates/springlit/" + file + ".html")).as(file)
                    .contains("th:fragment=\"" + kind.wireName() + "\"");
        }
    }

    @Test
    void aKindIsFoundByItsWireNameAndPrintsAsIt() {
        for (WidgetKind kind : WidgetKind.values()) {
            assertThat(WidgetKind.of(kind.wireName())).isSameAs(kind);
            assertThat(kind).hasToString(kind.wireName());
        }
        assertThat(WidgetKind.NUMBER_INPUT.wireName()).isEqualTo("number_input");
    }

    static String resource(String path) throws IOException {
        try (InputStream in = WidgetKindTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
