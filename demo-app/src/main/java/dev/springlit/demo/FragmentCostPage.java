package dev.springlit.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * What a fragment saves, for the benchmark (FragmentBenchmark, {@code -Pbench}): a page with a 10,000-row data frame
 * and two charts, and a small fragment with a button. "Refresh data" draws new data (the whole page is sent again),
 * "Rerun page" reruns it with the same data; "Add one" reruns only the fragment. {@code ?rows=0} draws the same page
 * without data: the fragment's cost where nothing else is on the page. Off unless
 * {@code demo.benchmark-pages=true}, so the demo's visitors never see it.
 */
@ConditionalOnProperty(name = "demo.benchmark-pages", havingValue = "true")
@StreamlitPage(path = "/fragment-cost", title = "Fragment cost", hidden = true)
class FragmentCostPage implements Page {

    static final int ROWS = 10_000;
    private static final String[] SYMBOLS = {"ACME", "GLOBEX", "INITECH", "UMBRELLA", "HOOLI", "STARK", "WAYNE", "TYRELL"};

    private final SessionState state;

    FragmentCostPage(SessionState state) {
        this.state = state;
    }

    /** One trade. */
    record Trade(int id, String symbol, double price, int quantity) {
    }

    /** One symbol's volume, for the bar chart. */
    record Volume(String symbol, long quantity) {
    }

    @Override
    public void render(St st) {
        st.title("Fragment cost");
        st.button("Rerun page");
        if (st.button("Refresh data")) {
            state.put("seed", state.getOrDefault("seed", 0) + 1);
        }
        Random random = new Random(state.getOrDefault("seed", 0));
        int rows = "0".equals(st.queryParams().get("rows")) ? 0 : ROWS;
        List<Trade> trades = new ArrayList<>(rows);
        double price = 100;
        for (int i = 0; i < rows; i++) {
            price = Math.max(1, price + random.nextGaussian());
            trades.add(new Trade(i, SYMBOLS[random.nextInt(SYMBOLS.length)], Math.round(price * 100) / 100.0,
                    1 + random.nextInt(500)));
        }
        Map<String, Long> volumes = new LinkedHashMap<>();
        for (Trade t : trades) {
            volumes.merge(t.symbol(), (long) t.quantity(), Long::sum);
        }
        st.lineChart(trades.subList(0, Math.min(2_000, rows)), o -> o.x("id").y("price"));
        st.barChart(volumes.entrySet().stream().map(e -> new Volume(e.getKey(), e.getValue())).toList(),
                o -> o.x("symbol").y("quantity"));
        st.dataframe(trades);
        st.fragment("clicks", f -> {
            if (f.button("Add one")) {
                state.put("clicks", state.getOrDefault("clicks", 0) + 1);
            }
            f.metric("Clicks", state.getOrDefault("clicks", 0));
        });
    }
}
