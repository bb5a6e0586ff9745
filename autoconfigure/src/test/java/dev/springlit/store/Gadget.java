package dev.springlit.store;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands for a deserialization gadget: a serializable class whose {@code readObject} runs code. Stored data that
 * names it must be refused before that code runs.
 */
final class Gadget implements Serializable {

    private static final long serialVersionUID = 1L;

    static final AtomicInteger READS = new AtomicInteger();

    private final String command;

    Gadget(String command) {
        this.command = command;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        READS.incrementAndGet();
    }

    @Override
    public String toString() {
        return command;
    }
}
