package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.springlit.SessionState;

/** {@code st.pills} and {@code st.pillsMultiple} (Streamlit's st.pills), as a user drives them. */
class PillsTest {

    private static final List<String> DIRECTIONS = List.of("North", "East", "South", "West");

    private final SessionState state = PageTester.sessionStateProxy();

    @Test
    void singlePillsStartWithNoneReturnTheChosenOptionAndChooseNoneAgain() {
        try (PageTester t = PageTester.of(st -> st.write("Heading " + st.pills("Heading", DIRECTIONS))).run()) {
            assertThat(t.pills("Heading").value()).isNull();
            assertThat(t.pills("Heading").options()).containsExactlyElementsOf(DIRECTIONS);
            assertThat(t.markdown(0).value()).isEqualTo("Heading null");

            t.pills("Heading").select("South").run();
            assertThat(t.markdown(0).value()).isEqualTo("Heading South");
            assertThat(t.pills("Heading").browserValue()).as("the browser sees the option's index").isEqualTo(2);

            t.pills("Heading").select(null).run();
            assertThat(t.markdown(0).value()).as("clicking the chosen pill again").isEqualTo("Heading null");
        }
    }

    @Test
    void multiplePillsStartWithTheirDefaultAndReturnTheChosenOptionsInOptionOrder() {
        try (PageTester t = PageTester.of(st -> st.write("Going " + st.pillsMultiple("Directions", DIRECTIONS,
                o -> o.values(List.of("North", "West"))))).run()) {
            assertThat(t.pills("Directions").value()).isEqualTo(List.of("North", "West"));
            assertThat(t.pills("Directions").browserValue()).isEqualTo(List.of(0, 3));
            assertThat(t.pills("Directions").props()).containsEntry("multi", true);

            t.pills("Directions").setValue(List.of("West", "East")).run();
            assertThat(t.markdown(0).value()).isEqualTo("Going [East, West]");
        }
    }

    @Test
    void aSingleValueIsTheStartOfMultiplePillsAndFormatFuncShowsTheOptions() {
        try (PageTester t = PageTester.of(st -> st.pillsMultiple("Level", List.of(1, 2, 3),
                o -> o.value(2).formatFunc(n -> "level " + n))).run()) {
            assertThat(t.pills("Level").value()).isEqualTo(List.of(2));
            assertThat(t.pills("Level").options()).containsExactly("level 1", "level 2", "level 3");
        }
    }

    @Test
    void S5_1_onChangeGetsTheArgsAndKwargsBoundWhenThePillsWereDrawn() {
        List<String> seen = new ArrayList<>();
        try (PageTester t = PageTester.of(st -> st.pills("Tool", List.of("Add", "Zoom"), o -> o.key("tool")
                .onChange(a -> seen.add(a.get(0) + " " + a.get("unit") + " " + state.get("tool")))
                .args("changed").kwargs(Map.of("unit", "px")))).run()) {
            t.pills("Tool").select("Zoom").run();
            assertThat(seen).containsExactly("changed px Zoom");
        }
    }

    @Test
    void S4_1_keyedPillsKeepTheirValueWhenTheirLabelChangesUnkeyedOnesStartAgain() {
        AtomicReference<String> label = new AtomicReference<>("Old");
        try (PageTester t = PageTester.of(st -> {
            st.pills(label.get(), DIRECTIONS, o -> o.key("heading"));
            st.pills(label.get() + " unkeyed", DIRECTIONS);
        }).run()) {
            t.pills("Old").select("East").run();
            t.pills("Old unkeyed").select("West").run();
            label.set("New");
            t.run();
            assertThat(t.pills("New").value()).isEqualTo("East");
            assertThat(t.pills("New unkeyed").value()).isNull();
        }
    }

    @Test
    void S4_4_aValueWrittenByCodeBeatsTheBrowserAndTheBrowserIsTold() {
        AtomicReference<Boolean> reset = new AtomicReference<>(false);
        try (PageTester t = PageTester.of(st -> {
            if (reset.get()) {
                state.put("directions", List.of("South"));
            }
            st.pillsMultiple("Directions", DIRECTIONS, o -> o.key("directions"));
        }).run()) {
            reset.set(true);
            t.pills("Directions").setValue(List.of("North")).run();
            assertThat(t.pills("Directions").value()).isEqualTo(List.of("South"));
            assertThat(t.pills("Directions").browserValue()).isEqualTo(List.of(2));
        }
    }

    @Test
    void S4_7_aDefaultAndAStateValueWarnAndTheStateValueWins() {
        try (PageTester t = PageTester.of(st -> {
            state.put("tool", "Zoom");
            st.pills("Tool", List.of("Add", "Zoom"), o -> o.key("tool").value("Add"));
        }).run()) {
            assertThat(t.pills("Tool").value()).isEqualTo("Zoom");
            assertThat(t.warning(0).value()).isEqualTo("The widget with key \"tool\" was created with a default value "
                    + "but also had its value set via the SessionState API.");
        }
    }

    @Test
    void S4_10_nullSetThroughStateIsKeptForSinglePills() {
        try (PageTester t = PageTester.of(st -> {
            state.setDefault("tool", null);
            st.pills("Tool", List.of("Add", "Zoom"), o -> o.key("tool").value("Add"));
        }).run()) {
            assertThat(t.sessionState().get("tool")).isNull();
            assertThat(t.pills("Tool").browserValue()).isNull();
        }
    }

    @Test
    void S4_11_aStateValueThatIsNotAmongTheOptionsFailsWhenDrawnNamingValueAndOptions() {
        try (PageTester t = PageTester.of(st -> {
            state.put("tool", "Rotate");
            st.pills("Tool", List.of("Add", "Zoom"), o -> o.key("tool"));
        }).run()) {
            assertThat(t.exceptions()).singleElement().satisfies(e -> assertThat(e.message())
                    .contains("\"Rotate\"").contains("not one of its options: [Add, Zoom]"));
        }
    }

    @Test
    void disabledPillsCannotBeChosen() {
        try (PageTester t = PageTester.of(st -> st.pills("Tool", List.of("Add", "Zoom"), o -> o.disabled(true))).run()) {
            assertThat(t.pills("Tool").disabled()).isTrue();
            assertThatThrownBy(() -> t.pills("Tool").select("Add")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("disabled");
        }
    }

    @Test
    void aSegmentedControlIsPillsJoinedInOneRowWithTheSameRules() {
        try (PageTester t = PageTester.of(st -> {
            st.write("View " + st.segmentedControl("View", List.of("Day", "Week", "Month"), o -> o.value("Week")));
            st.write("Days " + st.segmentedControlMultiple("Days", List.of("Mon", "Tue", "Wed"), o -> o.key("days")));
        }).run()) {
            assertThat(t.segmentedControl("View").value()).isEqualTo("Week");
            assertThat(t.segmentedControl("View").browserValue()).isEqualTo(1);
            t.segmentedControl("View").select(null).run();
            assertThat(t.markdown(0).value()).isEqualTo("View null");

            t.segmentedControl("Days").setValue(List.of("Wed", "Mon")).run();
            assertThat(t.markdown(1).value()).isEqualTo("Days [Mon, Wed]");
            assertThat(t.sessionState().get("days")).isEqualTo(List.of("Mon", "Wed"));
        }
    }
}
