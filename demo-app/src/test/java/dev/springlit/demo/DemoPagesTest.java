package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.springlit.test.AutoConfigurePageTester;
import dev.springlit.test.PageTester;
import dev.springlit.test.PageTesterFactory;

/** Every demo page through the PageTester, on the real beans, without a browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigurePageTester
class DemoPagesTest {

    @Autowired
    PageTesterFactory pages;

    @Test
    void s10_theFragmentsPageRerunsItsFragmentsAloneAndItsDialogSavesAndCloses() {
        try (PageTester page = pages.create(FragmentsPage.class).run()) {
            assertThat(page.metric(0).value()).as("page runs").isEqualTo("1");
            page.fragment("holdings").selectbox("Symbol").select("GLOBEX").run();
            assertThat(page.fragment("holdings").caption(0).value()).isEqualTo("Holdings runs: 2");
            assertThat(page.metric(0).value()).as("page runs after a fragment run").isEqualTo("1");

            page.button("Edit item").click().run();
            assertThat(page.isDialogOpen()).isTrue();
            assertThat(page.dialog().title()).isEqualTo("Edit item");
            page.dialog().body().textInput("Name").input("Floor lamp").run();
            page.dialog().body().button("Save").click().run();
            assertThat(page.isDialogOpen()).isFalse();
            assertThat(page.markdowns()).anySatisfy(m -> assertThat(m.value()).contains("Floor lamp** at $39.00"));

            page.button("Delete item").click().run();
            assertThat(page.dialog().dismissible()).isFalse();
            page.dialog().body().button("Keep it").click().run();
            assertThat(page.isDialogOpen()).isFalse();
        }
    }

    @Test
    void s12_2_theProfilePageShowsTheTabsUserAndContext() {
        dev.springlit.User alice = dev.springlit.User.of("alice", new java.util.LinkedHashSet<>(java.util.List.of("ROLE_USER", "ROLE_ADMIN")),
                java.util.Map.of("name", "Alice Liddell", "email", "alice@example.org"));
        try (PageTester page = pages.create(ProfilePage.class).as(alice).withLocale(java.util.Locale.forLanguageTag("de-CH"))
                .withTimeZone(java.time.ZoneId.of("Europe/Zurich")).withTheme("dark").run()) {
            assertThat(page.markdown(0).value()).startsWith("Logged in as **Alice Liddell**").contains("(alice@example.org)");
            assertThat(page.markdown(1).value()).isEqualTo("Roles: USER, ADMIN");
            assertThat(page.markdown(2).value()).isEqualTo("Locale: de-CH (all: [de-CH])");
            assertThat(page.markdown(3).value()).startsWith("Time zone: Europe/Zurich (UTC+01:00)");
            assertThat(page.markdown(4).value()).isEqualTo("Theme: dark");
            page.button("Open the admin page").click().run();
            assertThat(page.title(0).value()).as("an admin may switch to it").isEqualTo("Administration");
        }
        try (PageTester page = pages.create(ProfilePage.class).run()) {
            assertThat(page.markdown(0).value()).isEqualTo("Not logged in.");
            page.button("Open the admin page").click().run();
            assertThat(page.exceptions()).as("S12.4: refused to an anonymous visitor").hasSize(1);
            assertThat(page.title(0).value()).isEqualTo("Who and where");
        }
    }

    @Test
    void homeLinksToEveryExample() {
        try (PageTester home = pages.create(HomePage.class).run()) {
            assertThat(home.title(0).value()).isEqualTo("Springlit demo");
            assertThat(home.markdown(1).value()).contains("(/naive-counter)", "(/counter)", "(/counter-callbacks)",
                    "(/counter-kwargs)");
        }
    }

    @Test
    void naiveCounterNeverGetsPastOne() {
        try (PageTester page = pages.create(NaiveCounterPage.class).run()) {
            assertThat(page.markdown(0).value()).isEqualTo("Count = 0");
            for (int i = 0; i < 3; i++) {
                page.button("Increment").click().run();
                assertThat(page.markdown(0).value()).isEqualTo("Count = 1");
            }
            page.run();
            assertThat(page.markdown(0).value()).as("a rerun without a click").isEqualTo("Count = 0");
        }
    }

    @Test
    void counterKeepsItsCountInSessionState() {
        try (PageTester page = pages.create(CounterPage.class).run()) {
            assertThat(page.title(0).value()).isEqualTo("Counter Example");
            for (int i = 1; i <= 3; i++) {
                page.button("Increment").click().run();
                assertThat(page.markdown(0).value()).isEqualTo("Count = " + i);
            }
            assertThat(page.sessionState().get("count")).isEqualTo(3);
            try (PageTester otherTab = page.newTab().run()) {
                assertThat(otherTab.markdown(0).value()).isEqualTo("Count = 0");
            }
        }
    }

    @Test
    void counterWithCallbacksIncrementsInTheCallback() {
        try (PageTester page = pages.create(CounterCallbacksPage.class).run()) {
            assertThat(page.title(0).value()).isEqualTo("Counter Example using Callbacks");
            page.button("Increment").click().run();
            page.button("Increment").click().run();
            assertThat(page.markdown(0).value()).isEqualTo("Count = 2");
        }
    }

    @Test
    void counterWithKwargsAddsFiveAndSubtractsOne() {
        try (PageTester page = pages.create(CounterKwargsPage.class).run()) {
            page.button("Increment").click().run();
            assertThat(page.markdown(0).value()).isEqualTo("Count = 5");
            page.button("Decrement").click().run();
            assertThat(page.markdown(0).value()).isEqualTo("Count = 4");
        }
    }

    @Test
    void counterWithArgsAddsTheTypedValue() {
        try (PageTester page = pages.create(CounterArgsPage.class).run()) {
            page.numberInput("Enter a value").setValue(7).run();
            page.button("Increment").click().run();
            assertThat(page.markdown(0).value()).isEqualTo("Count = 7");
            page.numberInput("Enter a value").setValue(3).run();
            page.button("Increment").click().run();
            assertThat(page.markdown(0).value()).isEqualTo("Count = 10");
        }
    }

    @Test
    void celsiusSliderIsTheStateEntry() {
        try (PageTester page = pages.create(CelsiusPage.class).run()) {
            assertThat(page.slider("Temperature in Celsius").value()).isEqualTo(50.0);
            assertThat(page.markdown(0).value()).isEqualTo("50.0");
            page.slider("Temperature in Celsius").setValue(-20.5).run();
            assertThat(page.sessionState().get("celsius")).isEqualTo(-20.5);
            assertThat(page.markdown(0).value()).isEqualTo("-20.5");
        }
    }

    @Test
    void linkedUnitsFollowEachOther() {
        try (PageTester page = pages.create(LinkedUnitsPage.class).run()) {
            page.numberInput("Celsius").setValue(100.0).run();
            assertThat(page.numberInput("Fahrenheit").value()).isEqualTo(212.0);
            page.numberInput("Fahrenheit").setValue(32.0).run();
            assertThat(page.numberInput("Celsius").value()).isEqualTo(0.0);
        }
    }

    @Test
    void buttonStateErrorShowsStreamlitsMessage() {
        try (PageTester page = pages.create(ButtonStateErrorPage.class).run()) {
            assertThat(page.exceptions()).singleElement().satisfies(e -> assertThat(e.message())
                    .isEqualTo("Values for the widget with key \"my_button\" cannot be set using SessionState."));
        }
    }

    @Test
    void widgetGalleryPrintsEveryValue() {
        try (PageTester page = pages.create(WidgetsPage.class).run()) {
            assertThat(page.widgets()).hasSize(23);
            assertThat(page.markdown(0).value()).isEqualTo("numberInput: 5");
            page.numberInput("Number").increment().run();
            assertThat(page.markdown(0).value()).isEqualTo("numberInput: 6");
            page.selectSlider("T-shirt size").select("XL").run();
            assertThat(page.markdown(3).value()).isEqualTo("selectSlider: XL");
            page.selectSlider("Opening hours").selectRange("8:00", "12:00").run();
            assertThat(page.markdown(4).value()).isEqualTo("selectRangeSlider: 8:00 to 12:00");
            page.pills("Tool").select("Zoom in").run();
            assertThat(page.values()).containsEntry("Tool", "Zoom in");
            page.pills("Directions").setValue(List.of("West", "North")).run();
            assertThat(page.values()).containsEntry("Directions", List.of("North", "West"));
            page.segmentedControl("View").select("Month").run();
            assertThat(page.values()).containsEntry("View", "Month");
            page.selectbox("Fruit").select("Cherry").run();
            assertThat(page.values()).containsEntry("Fruit", "Cherry");
            page.fileUploader("Upload a text file").upload("hello.txt", "text/plain", "hi there".getBytes()).run();
            assertThat(page.text(0).value()).isEqualTo("hi there");
            page.textInput("Keyed note").input("remember me").run();
            page.checkbox("Show the keyed note").uncheck().run();
            assertThat(page.sessionState().get("note")).isEqualTo("remember me");
            page.checkbox("Show the keyed note").check().run();
            assertThat(page.textInput("Keyed note").value()).isEqualTo("remember me");
        }
    }

    @Test
    void counterFormUpdatesCountAndTimeTogetherOnSubmit() {
        try (PageTester page = pages.create(CounterFormPage.class).run()) {
            page.numberInput("Enter a value").setValue(4);
            page.timeInput("Enter the time").setValue(java.time.LocalTime.of(10, 45));
            page.run();
            assertThat(page.markdown(0).value()).isEqualTo("Current Count = 0");
            page.formSubmitButton("Update").click().run();
            assertThat(page.markdown(0).value()).isEqualTo("Current Count = 4");
            assertThat(page.markdown(1).value()).isEqualTo("Last Updated = 10:45");
        }
    }

    @Test
    void formClearEmptiesItsInputAndListsTheItems() {
        try (PageTester page = pages.create(FormClearPage.class).run()) {
            page.textInput("New item").input("buy milk");
            page.form("add_todo").submit().run();
            assertThat(page.textInput("New item").browserValue()).as("S6.2: the browser's field is cleared")
                    .isEqualTo("");
            assertThat(page.markdowns()).extracting(t -> t.value()).containsExactly("1. buy milk");
            page.textInput("New item").input("walk the dog");
            page.form("add_todo").submit().run();
            assertThat(page.markdowns()).extracting(t -> t.value()).containsExactly("1. buy milk", "2. walk the dog");
        }
    }

    @Test
    void serializablePageShowsTheGuidesError() {
        try (PageTester page = pages.create(SerializablePage.class).run()) {
            assertThat(page.exceptions()).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo(
                    "Cannot serialize the value (of type java.util.function.Function) of \"unserializable\" in "
                            + "SessionState. Springlit has been configured to use Java serialization for SessionState "
                            + "values. Please convert the value to a serializable type."));
            assertThat(page.sessionState().contains("unserializable")).isFalse();
        }
    }

    @Test
    void navigationSwitchesPagesInTheSameSessionAndWritesQueryParameters() {
        try (PageTester page = pages.create(NavigationPage.class).setQuery("?tag=a&tag=b").run()) {
            assertThat(page.markdowns()).extracting(t -> t.value()).contains("tags = a, b", "name = (not set)");
            page.button("Put ?name=Ada in the address bar").click().run();
            assertThat(page.query()).isEqualTo("?tag=a&tag=b&name=Ada");
            page.run();
            assertThat(page.markdowns()).extracting(t -> t.value()).contains("name = Ada");
            page.sessionState().put("count", 41);
            page.button("Switch to the counter with switchPage").click().run();
            assertThat(page.pagePath()).isEqualTo("/counter");
            assertThat(page.query()).as("switching pages clears the query").isEmpty();
            page.button("Increment").click().run();
            assertThat(page.markdown(0).value()).isEqualTo("Count = 42");
        }
    }

    @Test
    void keyedWidgetsKeepTheirValuesAcrossPagesUnkeyedOnesArePageScoped() {
        try (PageTester page = pages.create(WidgetsPage.class).run()) {
            page.textInput("Keyed note").input("kept across pages");
            page.textInput("Name").input("Ada");
            page.run();
            page.switchPage(HomePage.class).run();
            page.switchPage(WidgetsPage.class).run();
            assertThat(page.textInput("Keyed note").value()).isEqualTo("kept across pages");
            assertThat(page.textInput("Name").value()).isEqualTo("");
        }
    }

    @Test
    void dashboardShowsMetricsChartsAndTableAndFilters() {
        try (PageTester page = pages.create(DashboardPage.class).run(java.time.Duration.ofSeconds(20))) {
            assertThat(page.progress(0).percent()).isEqualTo(100);
            assertThat(page.metric(2).label()).isEqualTo("Best region");
            assertThat(page.elementsOf(dev.springlit.element.Chart.class)).hasSize(2);
            assertThat(page.table(0).rows()).hasSize(48);
            page.sidebar().multiselect("Regions").setValue(java.util.List.of("North")).run();
            assertThat(page.table(0).rows()).hasSize(12).allSatisfy(row -> assertThat(row.get(0)).isEqualTo("North"));
            assertThat(page.metric(2).value()).isEqualTo("North");
        }
    }

    @Test
    void theHiddenPageLinksBackToNavigation() {
        try (PageTester page = pages.create(HiddenPage.class).run()) {
            assertThat(page.title(0).value()).isEqualTo("A hidden page");
            assertThat(page.elementsOf(dev.springlit.element.PageLink.class)).singleElement()
                    .satisfies(link -> assertThat(link.path()).isEqualTo("/navigation"));
        }
    }

    @Test
    void queryParamsAreReadableAsAMap() {
        try (PageTester page = pages.create(NavigationPage.class).setQuery("?tag=a&tag=b").run()) {
            assertThat(page.queryParams()).containsEntry("tag", java.util.List.of("a", "b"));
        }
    }
}
