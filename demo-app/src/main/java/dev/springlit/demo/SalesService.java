package dev.springlit.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Generated sales data that takes a while to "load", cached with Spring's cache abstraction: Streamlit's
 * {@code @st.cache_data} is {@code @Cacheable} on a bean here, so only the first run of the dashboard waits.
 */
@Service
public class SalesService {

    /** The regions the data covers. */
    public static final List<String> REGIONS = List.of("North", "South", "East", "West");

    /** How long one month takes to load the first time. */
    static final long LOAD_MILLIS_PER_MONTH = 150;

    /** The sales of every region in one month; slow the first time, then served from the cache. */
    @Cacheable("sales")
    public List<Sale> month(int year, int month) {
        try {
            Thread.sleep(LOAD_MILLIS_PER_MONTH);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Loading the sales was interrupted", e);
        }
        Random random = new Random(year * 100L + month);
        List<Sale> sales = new ArrayList<>();
        for (int r = 0; r < REGIONS.size(); r++) {
            double base = 40_000 + r * 9_000 + month * 1_500;
            double revenue = Math.round((base + random.nextGaussian() * 4_000) * 100) / 100.0;
            sales.add(new Sale(REGIONS.get(r), LocalDate.of(year, month, 1), revenue, (int) (revenue / 37)));
        }
        return sales;
    }
}
