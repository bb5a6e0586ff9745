package dev.springlit.demo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The chat demo's "language model": a local bean that streams a deterministic answer word by word with a small
 * delay, so the page behaves like one backed by a real model without a network or an API key. A question with
 * "long" in it gets a long answer (for trying Stop). It counts how often each question was asked, which is how the
 * browser tests show that clicking while an answer streams never asks the model twice.
 */
@Service
public class LocalChatModel {

    private static final String ANSWER = "Springlit reruns your page from top to bottom on every interaction, keeps "
            + "values in session state, and streams this answer word by word while you keep clicking.";

    private final Duration wordDelay;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public LocalChatModel(@Value("${demo.chat.word-delay:70ms}") Duration wordDelay) {
        this.wordDelay = wordDelay;
    }

    /** The answer to the last user message of {@code history}, one word (with its space) at a time. */
    public Stream<String> stream(List<ChatTurn> history) {
        String question = history.get(history.size() - 1).content();
        // like a real client (Spring AI's Flux sends its request on subscribe), the model is asked when the answer is
        // first read, not when the stream is made
        AtomicBoolean asked = new AtomicBoolean();
        String answer = "You said \u201c" + question + "\u201d. " + ANSWER;
        if (question.contains("long")) {
            answer = answer + (" " + ANSWER).repeat(20);
        }
        return Arrays.stream(answer.split("(?<= )")).peek(word -> {
            if (asked.compareAndSet(false, true)) {
                calls.computeIfAbsent(question, q -> new AtomicInteger()).incrementAndGet();
            }
        }).map(this::afterDelay);
    }

    /** How many times {@code question} was asked. */
    public int calls(String question) {
        AtomicInteger count = calls.get(question);
        return count == null ? 0 : count.get();
    }

    private String afterDelay(String word) {
        try {
            Thread.sleep(wordDelay.toMillis());
        } catch (InterruptedException e) {
            // Stop or the session's end woke the run: end the answer here, as a network client would fail
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The answer was cut short", e);
        }
        return word;
    }
}
