package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** {@code st.selectSlider} and {@code st.selectRangeSlider}, as a user drives them (Streamlit's select_slider). */
class SelectSliderTest {

    private static final List<String> SIZES = List.of("S", "M", "L", "XL");

    @Test
    void aSelectSliderStartsAtItsValueReturnsTheOptionTheUserMovesToAndCallsOnChange() {
        AtomicInteger changes = new AtomicInteger();
        try (PageTester t = PageTester.of(st -> {
            String size = st.selectSlider("Size", SIZES, o -> o.value("M").key("size").onChange(changes::incrementAndGet));
            st.write("Size = " + size);
        }).run()) {
            WidgetElement slider = t.selectSlider("Size");
            assertThat(slider.value()).isEqualTo("M");
            assertThat(slider.browserValue()).as("the browser sees the option's position").isEqualTo(1);
            assertThat(slider.options()).containsExactly("S", "M", "L", "XL");
            assertThat(t.markdown(0).value()).isEqualTo("Size = M");

            slider.select("XL").run();
            assertThat(t.markdown(0).value()).isEqualTo("Size = XL");
            assertThat(t.sessionState().get("size")).isEqualTo("XL");
            assertThat(changes).hasValue(1);
        }
    }

    @Test
    void aSelectSliderWithoutValueStartsAtTheFirstOptionAndShowsOptionsThroughFormatFunc() {
        try (PageTester t = PageTester.of(st -> st.selectSlider("Level", List.of(1, 2, 3),
                o -> o.formatFunc(n -> "level " + n))).run()) {
            assertThat(t.selectSlider("Level").value()).isEqualTo(1);
            assertThat(t.selectSlider("Level").options()).containsExactly("level 1", "level 2", "level 3");
        }
    }

    @Test
    void aSelectRangeSliderReturnsTheStartAndEndOptionsInOptionOrder() {
        try (PageTester t = PageTester.of(st -> {
            List<String> span = st.selectRangeSlider("Span", SIZES, o -> o.range("S", "L"));
            st.write("From " + span.get(0) + " to " + span.get(1));
        }).run()) {
            assertThat(t.selectSlider("Span").value()).isEqualTo(List.of("S", "L"));
            assertThat(t.selectSlider("Span").browserValue()).isEqualTo(List.of(0, 2));

            t.selectSlider("Span").selectRange("M", "XL").run();
            assertThat(t.markdown(0).value()).isEqualTo("From M to XL");
        }
    }

    @Test
    void aSelectRangeSliderWithoutRangeSpansAllOptions() {
        try (PageTester t = PageTester.of(st -> st.selectRangeSlider("Span", SIZES, o -> { })).run()) {
            assertThat(t.selectSlider("Span").value()).isEqualTo(List.of("S", "XL"));
        }
    }

    @Test
    void aValueOutsideTheOptionsIsAnErrorShownInThePage() {
        try (PageTester t = PageTester.of(st -> st.selectSlider("Size", SIZES, o -> o.value("XXL"))).run()) {
            assertThat(t.exceptions()).singleElement()
                    .satisfies(e -> assertThat(e.message()).contains("XXL").contains("not one of its options"));
        }
    }
}
