package dev.springlit.demo;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.springlit.Layout;
import dev.springlit.Page;
import dev.springlit.ProgressBar;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** A small data app: filters in the sidebar, metrics, charts, a sortable table and the raw data. */
@StreamlitPage(path = "/dashboard", title = "Sales dashboard", icon = "📊", order = 30, section = "More", layout = Layout.WIDE)
class DashboardPage implements Page {

    private static final int YEAR = 2026;

    private final SalesService sales;

    DashboardPage(SalesService sales) {
        this.sales = sales;
    }

    /** One region's total, for the bar chart. */
    record RegionTotal(String region, double revenue) {
    }

    /** One line of the table. */
    record Row(String region, String month, double revenue, int units) {
    }

    @Override
    public void render(St st) {
        st.title("Sales dashboard");
        St sidebar = st.sidebar();
        sidebar.header("Filters");
        List<String> regions = sidebar.multiselect("Regions", SalesService.REGIONS, o -> o.value(SalesService.REGIONS));
        LocalDate from = sidebar.dateInput("From", o -> o.value(LocalDate.of(YEAR, 1, 1))
                .min(LocalDate.of(YEAR, 1, 1)).max(LocalDate.of(YEAR, 12, 31)));
        LocalDate to = sidebar.dateInput("To", o -> o.value(LocalDate.of(YEAR, 12, 31))
                .min(LocalDate.of(YEAR, 1, 1)).max(LocalDate.of(YEAR, 12, 31)));

        ProgressBar loading = st.progress(0, "Loading sales data…");
        List<Sale> all = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            all.addAll(sales.month(YEAR, month));
            loading.update(month * 100 / 12, "Loading sales data… " + monthName(month));
        }
        loading.update(100, "Loaded " + all.size() + " rows (cached after the first load)");

        List<Sale> shown = all.stream()
                .filter(s -> regions.contains(s.region()))
                .filter(s -> from == null || !s.month().isBefore(from.withDayOfMonth(1)))
                .filter(s -> to == null || !s.month().isAfter(to))
                .toList();
        if (shown.isEmpty()) {
            st.warning("No sales match the filters. Choose at least one region and a date range.");
            return;
        }

        double revenue = shown.stream().mapToDouble(Sale::revenue).sum();
        int units = shown.stream().mapToInt(Sale::units).sum();
        Map<String, Double> byRegion = shown.stream().collect(Collectors.groupingBy(Sale::region,
                LinkedHashMap::new, Collectors.summingDouble(Sale::revenue)));
        String best = byRegion.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("-");
        double firstMonth = shown.stream().filter(s -> s.month().equals(shown.get(0).month())).mapToDouble(Sale::revenue).sum();
        double lastMonth = shown.stream().filter(s -> s.month().equals(shown.get(shown.size() - 1).month()))
                .mapToDouble(Sale::revenue).sum();
        List<St> columns = st.columns(3);
        columns.get(0).metric("Revenue", String.format(Locale.ROOT, "$%,.0f", revenue),
                String.format(Locale.ROOT, "%+.1f%%", firstMonth == 0 ? 0 : (lastMonth - firstMonth) / firstMonth * 100));
        columns.get(1).metric("Units sold", String.format(Locale.ROOT, "%,d", units));
        columns.get(2).metric("Best region", best);

        List<Row> rows = shown.stream().map(s -> new Row(s.region(), s.month().toString().substring(0, 7), s.revenue(), s.units()))
                .toList();
        st.subheader("Revenue by month");
        st.lineChart(rows, o -> o.x("month").y("revenue").color("region"));
        st.subheader("Revenue by region");
        st.barChart(byRegion.entrySet().stream().map(e -> new RegionTotal(e.getKey(), Math.round(e.getValue() * 100) / 100.0))
                .sorted(Comparator.comparing(RegionTotal::revenue).reversed()).toList(), o -> o.x("region").y("revenue"));
        st.subheader("All rows");
        st.dataframe(rows, o -> o.format("revenue", "%.2f").pageSize(12));
        st.expander("Raw data (JSON)").json(shown.subList(0, Math.min(8, shown.size())), false);
    }

    private static String monthName(int month) {
        return java.time.Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
