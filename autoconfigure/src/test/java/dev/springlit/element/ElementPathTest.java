package dev.springlit.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ElementPathTest {

    @Test
    void equalPathsAreOneKeyOfAMap() {
        Map<ElementPath, String> byPath = new HashMap<>();
        byPath.put(ElementPath.MAIN.child(2).child(0), "first column");
        byPath.put(ElementPath.of(0, 2, 0), "again");

        assertThat(byPath).hasSize(1).containsEntry(ElementPath.of(0, 2, 0), "again");
        assertThat(ElementPath.of(0, 2)).isNotEqualTo(ElementPath.of(0, 2, 0));
    }

    @Test
    void aChildKnowsItsParentRootAndPlace() {
        ElementPath tab = ElementPath.SIDEBAR.child(4).child(1);

        assertThat(tab.parent()).isEqualTo(ElementPath.of(1, 4));
        assertThat(tab.root()).isEqualTo(1);
        assertThat(tab.last()).isEqualTo(1);
        assertThat(tab.depth()).isEqualTo(3);
        assertThat(tab.startsWith(ElementPath.SIDEBAR)).isTrue();
        assertThat(tab.startsWith(tab)).isTrue();
        assertThat(tab.startsWith(ElementPath.MAIN)).isFalse();
        assertThat(ElementPath.SIDEBAR.startsWith(tab)).isFalse();
        assertThatThrownBy(ElementPath.MAIN::parent).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pathsSortInDocumentOrderAndPrintAsTheProtocolWritesThem() {
        TreeSet<ElementPath> sorted = new TreeSet<>(List.of(ElementPath.of(0, 10), ElementPath.of(0, 2, 5),
                ElementPath.of(1), ElementPath.of(0, 2), ElementPath.MAIN));

        assertThat(sorted).extracting(ElementPath::toString)
                .containsExactly("[0]", "[0, 2]", "[0, 2, 5]", "[0, 10]", "[1]");
    }

    @Test
    void aPathCannotBeEmptyNorNegativeNorChangedFromOutside() {
        int[] indexes = {0, 3};
        ElementPath path = ElementPath.of(indexes);
        indexes[1] = 9;

        assertThat(path).isEqualTo(ElementPath.of(0, 3));
        assertThatThrownBy(ElementPath::of).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ElementPath.of(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ElementPath.MAIN.child(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
