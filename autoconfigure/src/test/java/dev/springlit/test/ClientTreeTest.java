package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.springlit.element.Block;
import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.element.Text;
import dev.springlit.runtime.output.ServerMessage;

/** The tester's tab builds its page from the server's ops the way the browser builds its DOM. */
class ClientTreeTest {

    private final ClientTree tree = new ClientTree();

    private static Text text(String value) {
        return new Text(value);
    }

    private static Block block(String kind) {
        return new Block(kind, Map.of());
    }

    private void set(Element element, int... path) {
        assertThat(tree.apply(new ServerMessage.SetOp(ElementPath.of(path), element))).isTrue();
    }

    @Test
    void setsAppendAndReplaceAndATrimCutsAContainersChildren() {
        set(text("a"), 0, 0);
        set(text("b"), 0, 1);
        set(text("c"), 0, 2);
        set(text("B"), 0, 1);

        assertThat(tree.elementsUnder(ElementPath.of(0))).containsExactly(text("a"), text("B"), text("c"));

        assertThat(tree.apply(new ServerMessage.TrimOp(ElementPath.of(0), 1))).isTrue();
        assertThat(tree.elementsUnder(ElementPath.of(0))).containsExactly(text("a"));
    }

    @Test
    void aBlockThatArrivesAgainArrivesEmptyAndItsChildrenFollowIt() {
        set(block("container"), 0, 0);
        set(text("inside"), 0, 0, 0);
        set(text("sidebar"), 1, 0);

        assertThat(tree.blocks(0)).hasSize(1);
        assertThat(tree.elementsUnder(ElementPath.of(0, 0))).containsExactly(text("inside"));
        assertThat(tree.elementsUnder(ElementPath.of(1))).containsExactly(text("sidebar"));

        set(block("container"), 0, 0);
        assertThat(tree.elementsUnder(ElementPath.of(0, 0))).isEmpty();
    }

    @Test
    void anOpUnderAContainerTheTabDoesNotHaveIsRefusedAndChangesNothing() {
        set(text("a"), 0, 0);

        assertThat(tree.apply(new ServerMessage.SetOp(ElementPath.of(0, 5, 0), text("lost")))).isFalse();
        assertThat(tree.apply(new ServerMessage.TrimOp(ElementPath.of(0, 5), 0))).isFalse();
        assertThat(tree.elementsUnder(ElementPath.of(0))).containsExactly(text("a"));

        tree.clear();
        assertThat(tree.elementsUnder(ElementPath.of(0))).isEmpty();
    }
}
