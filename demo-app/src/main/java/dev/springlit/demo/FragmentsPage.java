package dev.springlit.demo;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.springlit.ButtonType;
import dev.springlit.DialogOptions;
import dev.springlit.DialogWidth;
import dev.springlit.Layout;
import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * Streamlit's fragments and dialogs: a slow page section computed once per page run, a price chart that a fragment
 * redraws every 2 s on its own, a filter fragment whose widgets rerun only it, and an "Edit item" dialog that saves
 * into session state and closes. The counters show which runs happened: only page runs move "Page runs".
 */
@StreamlitPage(path = "/fragments", title = "Fragments and dialogs", icon = "🧩", order = 32, section = "More",
        layout = Layout.WIDE)
class FragmentsPage implements Page {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    /** How long the page's slow section takes: what each fragment run saves. */
    private static final Duration SLOW = Duration.ofSeconds(1);
    private static final String[] DESKS = {"London", "New York", "Tokyo", "Zurich"};

    private final SessionState state;
    private final PriceFeed feed;

    FragmentsPage(SessionState state, PriceFeed feed) {
        this.state = state;
        this.feed = feed;
    }

    /** One line of the holdings table. */
    record Holding(String symbol, String desk, int shares) {
    }

    @Override
    public void render(St st) {
        st.title("Fragments and dialogs");
        st.caption("An interaction inside a fragment reruns only that fragment; the rest of the page stays as it was.");
        int pageRuns = state.getOrDefault("page_runs", 0) + 1;
        state.put("page_runs", pageRuns);
        slowQuery();
        List<St> columns = st.columns(2);
        columns.get(0).metric("Page runs", pageRuns);
        columns.get(1).metric("Slow section computed at", LocalTime.now().format(TIME));

        st.fragment("prices", Duration.ofSeconds(2), this::prices);
        st.fragment("holdings", this::holdings);
        item(st);
    }

    /** Stands for an expensive query: only a page run pays for it. */
    private static void slowQuery() {
        try {
            Thread.sleep(SLOW.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a newer run superseded this one
            throw new IllegalStateException("The slow section was interrupted", e);
        }
    }

    /** Redrawn every 2 s by its own runs while the tab shows it. */
    private void prices(St f) {
        int updates = state.getOrDefault("price_updates", 0) + 1;
        state.put("price_updates", updates);
        f.subheader("Prices, every 2 seconds");
        f.lineChart(feed.latest(), o -> o.x("tick").y("price").color("symbol").height(260));
        f.caption("Chart updates: " + updates + " · last at " + LocalTime.now().format(TIME));
    }

    /** Its widgets rerun only this fragment: the slow section above is not recomputed. */
    private void holdings(St f) {
        f.subheader("Holdings");
        String symbol = f.selectbox("Symbol", PriceFeed.SYMBOLS, o -> o.key("holdings_symbol"));
        int minimum = f.slider("At least (shares)", 0, 1000, o -> o.value(0).step(100).key("holdings_minimum"));
        int runs = state.getOrDefault("holdings_runs", 0) + 1;
        state.put("holdings_runs", runs);
        List<Holding> rows = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Holding h = new Holding(PriceFeed.SYMBOLS.get(i % 3), DESKS[i % DESKS.length], 100 * ((i * 7) % 11));
            if (h.symbol().equals(symbol) && h.shares() >= minimum) {
                rows.add(h);
            }
        }
        f.dataframe(rows);
        f.caption("Holdings runs: " + runs);
    }

    /** The item, and two dialogs: "Edit item" saves into state and closes; "Delete item" must be answered. */
    private void item(St st) {
        st.subheader("Item");
        state.setDefault("item_name", "Desk lamp");
        state.setDefault("item_price", 39.0);
        st.markdown("**" + state.getString("item_name") + "** at $"
                + String.format(Locale.ROOT, "%.2f", state.getDouble("item_price")));
        List<St> buttons = st.columns(2);
        if (buttons.get(0).button("Edit item")) {
            st.dialog("Edit item", d -> {
                String name = d.textInput("Name", o -> o.value(state.getString("item_name")));
                Double price = d.numberInput("Price", state.getDouble("item_price"), o -> o.step(1.0).format("%.2f"));
                if (d.button("Save", o -> o.type(ButtonType.PRIMARY))) {
                    state.put("item_name", name == null || name.isBlank() ? state.getString("item_name") : name.strip());
                    state.put("item_price", price == null ? state.getDouble("item_price") : price);
                    d.rerun();
                }
            });
        }
        if (buttons.get(1).button("Delete item")) {
            st.dialog("Delete item?", DialogOptions.width(DialogWidth.SMALL).dismissible(false), d -> {
                d.write("This dialog cannot be dismissed: answer it.");
                if (d.button("Delete")) {
                    state.put("item_name", "(deleted)");
                    state.put("item_price", 0.0);
                    d.rerun();
                }
                if (d.button("Keep it")) {
                    d.rerun();
                }
            });
        }
    }
}
