package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.springlit.element.Element;
import dev.springlit.element.ExceptionElement;
import dev.springlit.element.Json;
import dev.springlit.element.Markdown;
import dev.springlit.runtime.output.RunStatus;

/** {@code st.write(...)}: scalars on one Markdown line, structures as JSON, throwables as exceptions. */
class WriteTest extends ScriptedPageTest {

    record Point(int x, String label) {
    }

    /** A plain object: written as its text. */
    static final class Formula {
        @Override
        public String toString() {
            return "a*b*c";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private List<Element> write(Object... values) {
        page.run(tab, st -> st.write(values));
        return tab.elements();
    }

    private static JsonNode json(Element element) {
        assertThat(element).isInstanceOf(Json.class);
        return JSON.readTree(((Json) element).json());
    }

    @Test
    void stringsAndScalarsBecomeOneMarkdownLine() {
        assertThat(write("Count = ", 1)).containsExactly(Markdown.of("Count = 1"));
        assertThat(write("a", "b", 2, true)).containsExactly(Markdown.of("a b 2 true"));
        assertThat(write("**bold** stays Markdown")).containsExactly(Markdown.of("**bold** stays Markdown"));
        assertThat(write("Formula:", new Formula())).as("a scalar's text is shown as it is, not read as Markdown")
                .containsExactly(Markdown.of("Formula: a\\*b\\*c"));
    }

    @Test
    void mapsRecordsAndCollectionsBecomeJsonElements() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", List.of("x", "y"));

        List<Element> elements = write("Data:", map, new Point(3, "p"), List.of(1, 2), "end");

        assertThat(elements).hasSize(5);
        assertThat(elements.get(0)).isEqualTo(Markdown.of("Data:"));
        assertThat(json(elements.get(1))).isEqualTo(JSON.readTree("{\"a\":1,\"b\":[\"x\",\"y\"]}"));
        assertThat(json(elements.get(2))).isEqualTo(JSON.readTree("{\"x\":3,\"label\":\"p\"}"));
        assertThat(json(elements.get(3))).isEqualTo(JSON.readTree("[1,2]"));
        assertThat(elements.get(4)).isEqualTo(Markdown.of("end"));
    }

    @Test
    void aThrowableBecomesAnExceptionElement() {
        List<Element> elements = write("Failed:", new IllegalArgumentException("no such user"));

        assertThat(elements).hasSize(2);
        assertThat(elements.get(0)).isEqualTo(Markdown.of("Failed:"));
        assertThat(elements.get(1)).isInstanceOfSatisfying(ExceptionElement.class, e -> {
            assertThat(e.type()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(e.message()).isEqualTo("no such user");
        });
        assertThat(tab.lastStatus()).as("writing an exception is not failing").isEqualTo(RunStatus.OK);
    }
}
