package dev.springlit.runtime.draw;

import dev.springlit.element.Markdown;
import dev.springlit.runtime.control.RunInterruptedException;
import dev.springlit.runtime.control.StreamHold;

/**
 * {@code st.writeStream} (Streamlit's {@code st.write_stream}): draws string chunks as one growing Markdown text
 * with a cursor while it grows, coalesced to at most {@link #MAX_UPDATES_PER_SECOND} redraws a second (the browser
 * gets fewer still: what is drawn is flushed every 50 ms); other chunks go through {@code st.write}. Returns the
 * text of all string chunks.
 *
 * <p>A chunk that comes sooner than the gap after the last redraw is held back, and its redraw is handed to the
 * flush thread for the end of the gap ({@link Canvas#replaceWhenDue}): the run's thread may by then be waiting
 * inside the source (a blocking iterator or supplier), and a source that pauses must not hide its last words for
 * the whole pause. The next redraw or the stream's end takes the held one's place.
 *
 * <p>While it reads, newer interactions wait instead of interrupting the run ({@link StreamHold}); Stop, the run
 * deadline and the session's end interrupt it, which wakes a source waiting for its next chunk.
 */
final class StreamWriter {

    static final int MAX_UPDATES_PER_SECOND = 30;
    /** Streamlit's typewriter cursor, shown after the text while more may come. */
    static final String CURSOR = "▕";

    private static final long MIN_GAP_NANOS = 1_000_000_000L / MAX_UPDATES_PER_SECOND;
    /** How long a publisher is waited for before the run checks that it may go on. */
    private static final long IDLE_MILLIS = MIN_GAP_NANOS / 1_000_000;

    private final DeltaGenerator st;
    private final StringBuilder all = new StringBuilder();
    /** The text of the current Markdown element; its earlier states are what held redraws show. */
    private GrowingText shown = new GrowingText();
    private DeltaGenerator box;
    private long lastDraw;

    private StreamWriter(DeltaGenerator st) {
        this.st = st;
    }

    static String write(DeltaGenerator st, Object source) {
        Canvas run = st.run();
        if (!run.streamHold().begin()) {
            throw new RunInterruptedException(); // a newer interaction got here first: the run is being replaced
        }
        return new StreamWriter(st).drain(run, source);
    }

    private String drain(Canvas run, Object source) {
        try {
            return read(run, source);
        } catch (RuntimeException | Error ended) {
            settle(run);
            throw ended;
        }
    }

    /**
     * A stream ended by Stop, the deadline or a failure keeps the text that arrived, without the cursor: written
     * past the run's checks, which now refuse every draw (the session's end and an abandoned run still refuse).
     */
    private void settle(Canvas run) {
        if (box != null) {
            try {
                run.replace(box.path(), 0, Markdown.of(shown.toString()));
            } catch (RunInterruptedException abandoned) {
                // the session gave up on the run: it may show nothing more
            }
        }
    }

    private String read(Canvas run, Object source) {
        try (ChunkSource chunks = ChunkSource.of(source)) {
            while (true) {
                Object chunk;
                try {
                    chunk = chunks.next(IDLE_MILLIS);
                } catch (InterruptedException woken) {
                    Thread.currentThread().interrupt();
                    run.checkActive(); // Stop, the deadline or the session's end: each throws its own way
                    throw new RunInterruptedException();
                } catch (RuntimeException failed) {
                    Thread.interrupted();
                    run.checkActive(); // a source woken by Stop often fails with its own exception
                    throw failed;
                }
                if (chunk == ChunkSource.END) {
                    break;
                }
                if (chunk == ChunkSource.IDLE) {
                    run.checkActive();
                } else if (chunk instanceof CharSequence text) {
                    add(text.toString());
                } else {
                    finishText();
                    st.write(chunk);
                }
            }
        }
        finishText();
        return all.toString();
    }

    private void add(String text) {
        if (text.isEmpty()) {
            st.run();
            return;
        }
        all.append(text);
        shown.append(text);
        if (box == null) {
            box = (DeltaGenerator) st.empty();
        }
        if (System.nanoTime() - lastDraw >= MIN_GAP_NANOS) {
            draw(true);
        } else { // a stopped or replaced run ends here (st.run) even when nothing is drawn
            GrowingText.Prefix held = shown.prefix();
            st.run().replaceWhenDue(box.path(), 0, () -> Markdown.of(held.followedBy(CURSOR)),
                    lastDraw + MIN_GAP_NANOS);
        }
    }

    private void draw(boolean cursor) {
        box.markdown(cursor ? shown + CURSOR : shown.toString());
        lastDraw = System.nanoTime();
    }

    /** The text so far without the cursor; the next text chunk starts a new Markdown element. */
    private void finishText() {
        if (box != null) {
            draw(false);
            box = null;
            shown = new GrowingText(); // a held redraw may still read the old one
        }
    }
}
