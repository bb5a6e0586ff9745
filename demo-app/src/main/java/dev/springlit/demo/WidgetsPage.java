package dev.springlit.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;
import dev.springlit.UploadedFile;

/** Every input widget with its current value printed next to it. */
@StreamlitPage(path = "/widgets", title = "Widget gallery", icon = "🧰", order = 9, section = "Widgets")
class WidgetsPage implements Page {

    @Override
    public void render(St st) {
        st.title("Widget gallery");
        st.write("numberInput:", st.numberInput("Number", 5, o -> o.min(0).max(10).help("From 0 to 10")));
        st.write("slider:", st.slider("Slider", 0, 100, o -> o.value(25)));
        var range = st.rangeSlider("Range", 0.0, 1.0, o -> o.value(0.25, 0.75).step(0.05));
        st.write("rangeSlider:", range.low(), "to", range.high());
        st.write("selectSlider:", st.selectSlider("T-shirt size", List.of("S", "M", "L", "XL"), o -> o.value("M")));
        List<String> hours = st.selectRangeSlider("Opening hours", List.of("8:00", "10:00", "12:00", "14:00", "16:00"),
                o -> o.range("10:00", "14:00"));
        st.write("selectRangeSlider:", hours.get(0), "to", hours.get(1));
        st.write("textInput:", st.textInput("Name", o -> o.placeholder("Your name").maxChars(40)));
        st.write("textInput (password):", st.textInput("Password", o -> o.password(true)).isEmpty() ? "(empty)" : "(hidden)");
        st.write("textArea:", st.textArea("Notes", o -> o.placeholder("Anything to add?")));
        st.write("checkbox:", st.checkbox("I agree"));
        st.write("toggle:", st.toggle("Dark mode"));
        st.write("radio:", st.radio("Size", List.of("Small", "Medium", "Large"), o -> o.horizontal(true)));
        st.write("selectbox:", st.selectbox("Fruit", List.of("Apple", "Banana", "Cherry"), o -> o.index(null)));
        st.write("multiselect:", String.join(", ", st.multiselect("Regions", List.of("North", "South", "East", "West"),
                o -> o.value(List.of("North")).maxSelections(3))));
        st.write("pills:", st.pills("Tool", List.of("Add", "Zoom in", "Zoom out")));
        st.write("pillsMultiple:", String.join(", ", st.pillsMultiple("Directions", List.of("North", "East", "South",
                "West"), o -> o.values(List.of("North")))));
        st.write("segmentedControl:", st.segmentedControl("View", List.of("Day", "Week", "Month"), o -> o.value("Week")));
        st.write("dateInput:", st.dateInput("Day", o -> o.value(LocalDate.of(2026, 11, 21))));
        st.write("timeInput:", st.timeInput("Time", o -> o.value(LocalTime.of(9, 30))));
        st.write("colorPicker:", st.colorPicker("Colour", o -> o.value("#ff4b4b")));
        UploadedFile file = st.fileUploader("Upload a text file", o -> o.type("txt", "csv", "md"));
        st.write("fileUploader:", file == null ? "(no file)" : file.name() + ", " + file.size() + " bytes");
        if (file != null) {
            st.text(new String(file.bytes(), StandardCharsets.UTF_8));
        }
        st.write("downloadButton:", st.downloadButton("Download a greeting", "Hello from Springlit!", "greeting.txt"));
        if (st.checkbox("Show the keyed note", o -> o.value(true))) {
            st.textInput("Keyed note", o -> o.key("note"));
        }
        st.caption("The keyed note keeps its text while it is hidden: keyed widgets keep their value.");
    }
}
