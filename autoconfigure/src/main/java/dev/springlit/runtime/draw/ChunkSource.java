package dev.springlit.runtime.draw;

import java.util.Iterator;
import java.util.function.Supplier;
import java.util.stream.BaseStream;

import org.springframework.util.ClassUtils;

import dev.springlit.StreamlitApiException;

/**
 * What {@code st.writeStream} reads, one chunk at a time, on the run's thread: a {@code Stream}, an
 * {@code Iterator} or {@code Iterable}, a {@code Supplier} called until it returns null, or a Reactive Streams
 * {@code Publisher} (Reactor's {@code Flux}; used only when reactive-streams is on the class path).
 */
interface ChunkSource extends AutoCloseable {

    /** Returned by {@link #next} when the source has ended. */
    Object END = new Object();
    /** Returned by {@link #next} when nothing arrived within the wait (only a publisher can say so). */
    Object IDLE = new Object();

    boolean PUBLISHERS = ClassUtils.isPresent("org.reactivestreams.Publisher", ChunkSource.class.getClassLoader());

    /** The next chunk, {@link #END}, or {@link #IDLE} after waiting up to {@code waitMillis}. */
    Object next(long waitMillis) throws InterruptedException;

    /** Lets go of the source (closes a stream, cancels a subscription); never throws. */
    @Override
    void close();

    static ChunkSource of(Object source) {
        if (source == null || source instanceof CharSequence || source instanceof Number || source instanceof Boolean
                || source instanceof java.util.Map<?, ?>) {
            throw new StreamlitApiException("writeStream() expects a stream-like source (a Stream, Iterator, Iterable, "
                    + "Supplier or Publisher such as a Flux), not " + (source == null ? "null"
                    : source.getClass().getName()) + ". Please use write() instead for this data type.");
        }
        if (source instanceof BaseStream<?, ?> stream) {
            return iterating(stream.iterator(), stream::close);
        }
        if (PUBLISHERS && PublisherChunks.accepts(source)) {
            return PublisherChunks.subscribe(source);
        }
        if (source instanceof Iterator<?> iterator) {
            return iterating(iterator, closer(iterator));
        }
        if (source instanceof Iterable<?> iterable) {
            Iterator<?> iterator = iterable.iterator();
            return iterating(iterator, closer(iterator));
        }
        if (source instanceof Supplier<?> supplier) {
            return new ChunkSource() {
                @Override
                public Object next(long waitMillis) {
                    Object chunk = supplier.get();
                    return chunk == null ? END : chunk;
                }

                @Override
                public void close() {
                    closeQuietly(supplier);
                }
            };
        }
        throw new StreamlitApiException("The provided input (type: " + source.getClass().getName() + ") cannot be "
                + "iterated. Please make sure that it is a Stream, Iterator, Iterable, Supplier or Publisher.");
    }

    private static Runnable closer(Object source) {
        return () -> closeQuietly(source);
    }

    private static void closeQuietly(Object source) {
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort: the stream already ended or failed
            }
        }
    }

    private static ChunkSource iterating(Iterator<?> iterator, Runnable close) {
        return new ChunkSource() {
            @Override
            public Object next(long waitMillis) {
                return iterator.hasNext() ? iterator.next() : END;
            }

            @Override
            public void close() {
                try {
                    close.run();
                } catch (RuntimeException ignored) {
                    // closing is best effort: the stream already ended or failed
                }
            }
        };
    }
}
