package dev.springlit.runtime.draw;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A Reactive Streams {@code Publisher} (Reactor's {@code Flux<String>}, Spring AI's
 * {@code ChatClient.prompt(...).stream().content()}) read as chunks on the run's thread. The publisher's threads
 * only put signals into a queue; the run thread takes them, asking for a few chunks at a time, so a slow page never
 * buffers a whole answer and a stopped run cancels the subscription. Loaded only when reactive-streams is present.
 */
final class PublisherChunks implements ChunkSource, Subscriber<Object> {

    private static final int BATCH = 16;

    private record Failed(Throwable error) {
    }

    private final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private volatile Subscription subscription;
    private int taken;

    private PublisherChunks() {
    }

    static boolean accepts(Object source) {
        return source instanceof Publisher<?>;
    }

    @SuppressWarnings("unchecked")
    static ChunkSource subscribe(Object source) {
        PublisherChunks chunks = new PublisherChunks();
        ((Publisher<Object>) source).subscribe(chunks);
        return chunks;
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        s.request(BATCH);
    }

    @Override
    public void onNext(Object chunk) {
        signals.add(chunk);
    }

    @Override
    public void onError(Throwable error) {
        signals.add(new Failed(error));
    }

    @Override
    public void onComplete() {
        signals.add(END);
    }

    @Override
    public Object next(long waitMillis) throws InterruptedException {
        Object signal = signals.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (signal == null) {
            return IDLE;
        }
        if (signal instanceof Failed failed) {
            if (failed.error() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.error() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The stream failed: " + failed.error(), failed.error());
        }
        if (signal != END && ++taken % BATCH == 0 && subscription != null) {
            subscription.request(BATCH);
        }
        return signal;
    }

    @Override
    public void close() {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
