package dev.springlit.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Service;

/**
 * Stands for a market data service: the latest prices of a few symbols as a random walk, new on every call. It
 * counts its calls, so that one can see (and FragmentsBrowserIT checks) that a timed fragment stops asking once its
 * tab is gone.
 */
@Service
public class PriceFeed {

    static final List<String> SYMBOLS = List.of("ACME", "GLOBEX", "INITECH");
    private static final int POINTS = 30;

    private final AtomicLong calls = new AtomicLong();

    /** One point of the chart. */
    public record Quote(int tick, String symbol, double price) {
    }

    /** The last {@value #POINTS} prices of each symbol. */
    public List<Quote> latest() {
        long call = calls.incrementAndGet();
        Random random = new Random(call);
        List<Quote> quotes = new ArrayList<>();
        for (int s = 0; s < SYMBOLS.size(); s++) {
            double price = 100 + 25 * s;
            for (int t = 0; t < POINTS; t++) {
                price = Math.max(1, price + random.nextGaussian() * 2);
                quotes.add(new Quote(t + 1, SYMBOLS.get(s), Math.round(price * 100) / 100.0));
            }
        }
        return quotes;
    }

    /** How many times {@link #latest()} was called since the app started. */
    public long calls() {
        return calls.get();
    }
}
