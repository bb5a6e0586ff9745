package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.springlit.St;

/** Containers: sidebar, columns, tabs, expander, empty; position is not part of widget identity (S4.1). */
class LayoutTest {

    @Test
    void elementsLandInTheirContainers() {
        try (PageTester t = PageTester.of(st -> {
            st.sidebar().header("Filters");
            List<St> cols = st.columns(2, 1);
            cols.get(0).write("left");
            cols.get(1).write("right");
            List<St> tabs = st.tabs("One", "Two");
            tabs.get(1).text("in two");
            st.expander("More").code("x = 1");
            St c = st.container(true);
            st.write("after the container");
            c.write("inside the container, drawn later");
        }).run()) {
            assertThat(t.sidebar().header(0).value()).isEqualTo("Filters");
            assertThat(t.columns()).hasSize(2);
            assertThat(t.columns().get(1).markdown(0).value()).isEqualTo("right");
            assertThat(t.tab("Two").text(0).value()).isEqualTo("in two");
            assertThat(t.expander("More").code(0).value()).isEqualTo("x = 1");
            assertThat(t.containers().get(0).markdown(0).value()).isEqualTo("inside the container, drawn later");
            assertThat(t.markdowns()).extracting(TextElement::value)
                    .containsExactly("left", "right", "inside the container, drawn later", "after the container");
        }
    }

    @Test
    void emptyHoldsOneElementReplacedInPlace() {
        try (PageTester t = PageTester.of(st -> {
            St slot = st.empty();
            for (int i = 1; i <= 3; i++) {
                slot.write("step", i);
            }
            st.write("below");
        }).run()) {
            assertThat(t.markdowns()).extracting(TextElement::value).containsExactly("step 3", "below");
        }
    }

    @Test
    void S4_1_movingAWidgetToAnotherContainerKeepsItsValue() {
        AtomicReference<Boolean> inColumn = new AtomicReference<>(false);
        try (PageTester t = PageTester.of(st -> {
            St target = inColumn.get() ? st.columns(2).get(1) : st;
            target.textInput("Name");
        }).run()) {
            t.textInput("Name").input("Ada").run();
            inColumn.set(true);
            t.run();
            assertThat(t.textInput("Name").value()).isEqualTo("Ada");
        }
    }

    @Test
    void aContainerThatDrawsLessNextRunDropsTheRest() {
        AtomicInteger items = new AtomicInteger(3);
        try (PageTester t = PageTester.of(st -> {
            St box = st.container();
            for (int i = 0; i < items.get(); i++) {
                box.write("item", i);
            }
        }).run()) {
            assertThat(t.containers().get(0).markdowns()).hasSize(3);
            items.set(1);
            t.run();
            assertThat(t.containers().get(0).markdowns()).hasSize(1);
        }
    }
}
