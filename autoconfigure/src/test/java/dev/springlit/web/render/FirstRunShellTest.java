package dev.springlit.web.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;
import dev.springlit.element.Text;
import dev.springlit.runtime.session.SessionOpening;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.page.PageAccess;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.web.http.Routes;

/**
 * What a page's GET sends with a new tab's first run (issue 20): the elements in their containers (a block's children
 * inside it), the run as JSON that no page output can end early, and the adoption token; the shell it starts from
 * is left as it was (it is the cached one).
 */
class FirstRunShellTest {

    private static final PageDescriptor HOME = new PageDescriptor("/", "Home", "", 0, "home", st -> { });
    private final ElementRenderer renderer = new ElementRenderer(new SpringlitTemplates().engine());
    private final FirstRunShell firstRun = new FirstRunShell(renderer);
    private final ShellBytes shellBytes = new PageShell(new PageRegistry(List.of(HOME)), new SpringlitTemplates().engine(),
            "App", new Routes("v1"), () -> new PageAccess() { }).shell(HOME, new MockHttpServletRequest("GET", "/"));
    private final String shell = new String(shellBytes.utf8(), StandardCharsets.UTF_8);

    /** The bytes the GET sends with {@code run}, read back as text. */
    private String splice(SessionOpening.FirstRun run) {
        return new String(firstRun.splice(shellBytes, run), StandardCharsets.UTF_8);
    }

    private static ServerMessage.SetOp set(ElementPath path, dev.springlit.element.Element element) {
        return new ServerMessage.SetOp(path, element);
    }

    @Test
    void i20_theRunsElementsGoIntoTheirContainersWithTheRunAndTokenBesideThem() {
        String hostile = "</script><script>window.__xss=1</script> data-sl-root=\"1\">";
        List<ServerMessage.Op> ops = List.of(
                set(ElementPath.of(0, 0), new Text("first")),
                set(ElementPath.of(0, 1), new Block("container", Map.of("border", false))),
                set(ElementPath.of(0, 1, 0), new Text("inside")),
                set(ElementPath.of(0, 2), new Text(hostile)),
                set(ElementPath.of(1, 0), new Text("in the sidebar")));
        byte[] before = shellBytes.utf8().clone();

        String html = splice(new SessionOpening.FirstRun("TOKEN123", 1, ops));

        assertThat(shellBytes.utf8()).as("the cached shell").isEqualTo(before);
        String main = html.substring(html.indexOf("data-sl-root=\"0\""));
        assertThat(main.indexOf("first")).isLessThan(main.indexOf("inside"));
        assertThat(main.indexOf("inside")).isLessThan(main.indexOf("window.__xss"));
        String block = main.substring(main.indexOf("sl-block-container"));
        assertThat(block.substring(block.indexOf("data-sl-children"))).contains("inside");
        String sidebar = html.substring(html.indexOf("data-sl-root=\"1\""), html.indexOf("data-sl-root=\"0\""));
        assertThat(sidebar).contains("in the sidebar").doesNotContain("first");
        assertThat(html).contains("<meta name=\"springlit-adopt\" content=\"TOKEN123\">")
                .contains("data-sl-root=\"0\" tabindex=\"-1\" inert>").contains("data-sl-root=\"1\" inert>");
        String json = html.substring(html.indexOf("id=\"sl-first-run\">"), html.indexOf("</head>"));
        assertThat(json).contains("\"run\":1").contains("\"status\":\"ok\"");
        assertThat(json.substring(0, json.lastIndexOf("</script>"))).as("no page output ends the JSON block")
                .doesNotContain("</").doesNotContain("<script");
        assertThat(html).as("user text escaped in the HTML too").doesNotContain("<script>window.__xss");
    }

    @Test
    void i20_aRunThatDidNotEndInTimeSendsOnlyTheToken() {
        String html = splice(new SessionOpening.FirstRun("TOKEN123", -1, List.of()));
        assertThat(html).contains("springlit-adopt").doesNotContain("sl-first-run");
        assertThat(html.replace("<meta name=\"springlit-adopt\" content=\"TOKEN123\">\n", "")).isEqualTo(shell);
    }

    @Test
    void i20_theRunGoesInAtItsPlacesWhenTheShellBeforeThemHoldsCharactersOfSeveralBytes() {
        PageDescriptor counter = new PageDescriptor("/", "Zähler", "🔢", 0, "counter", st -> { });
        ShellBytes wide = new PageShell(new PageRegistry(List.of(counter)), new SpringlitTemplates().engine(),
                "Äpp für Zähler 🔢", new Routes("v1"), () -> new PageAccess() { })
                .shell(counter, new MockHttpServletRequest("GET", "/"));
        String before = new String(wide.utf8(), StandardCharsets.UTF_8);
        assertThat(wide.utf8().length).isGreaterThan(before.length());
        String main = renderer.render(new Text("im Hauptteil"));
        String side = renderer.render(new Text("in der Seitenleiste"));

        String html = new String(firstRun.splice(wide, new SessionOpening.FirstRun("TOKEN123", 1, List.of(
                set(ElementPath.of(0, 0), new Text("im Hauptteil")),
                set(ElementPath.of(1, 0), new Text("in der Seitenleiste"))))), StandardCharsets.UTF_8);

        assertThat(html).contains("data-sl-root=\"0\" tabindex=\"-1\" inert>" + main)
                .contains("data-sl-root=\"1\" inert>" + side);
        // without what the run added, the shell is as it was, byte for byte
        int meta = html.indexOf("<meta name=\"springlit-adopt\"");
        String head = html.substring(meta, html.indexOf("</script>\n", meta) + "</script>\n".length());
        assertThat(html.replace(head, "").replace(main, "").replace(side, "").replace(" inert>", ">"))
                .isEqualTo(before);
    }
}
