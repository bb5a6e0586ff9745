package dev.springlit.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The bytes a thread's reused stream writes for each session value are those a stream of its own would write: the
 * session store and the state size limit read them one value at a time.
 */
class ValueWriterTest {

    @Test
    void eachValueIsWrittenExactlyAsANewStreamWritesItAlone() throws Exception {
        String shared = "shared";
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", List.of(1, 2));
        map.put("b", shared);
        List<Object> values = Arrays.asList(1, "text", null, new ArrayList<>(List.of(shared, shared, 3L)), map,
                LocalDate.of(2026, 12, 2), new BigDecimal("1.50"), new Pair("x", new Pair("y", null)),
                new ArrayList<>(List.of(shared, shared, 3L)), 1, new Pair("x", new Pair("y", null)));

        for (Object value : values) {
            ValueBytes written = ValueWriter.write(value);

            assertThat(written).as("bytes of %s", value).isNotNull();
            assertThat(written.bytes()).as("bytes of %s", value).isEqualTo(alone(value));
            assertThat(read(written.bytes())).isEqualTo(value);
            assertThat(written.holdsUpload()).isFalse();
        }
    }

    @Test
    void aValueThatCannotBeSerializedHasNoBytesAndTheNextValueIsWrittenWhole() throws Exception {
        List<Object> half = new ArrayList<>(List.of("fine", new Object()));

        assertThat(ValueWriter.write(half)).isNull();
        assertThat(ValueWriter.write(List.of("after"))).isNotNull()
                .satisfies(next -> assertThat(next.bytes()).isEqualTo(alone(List.of("after"))));
    }

    @Test
    void aValueWhoseOwnSerializationWritesAnotherValueGetsBothWrittenWhole() throws Exception {
        Nesting nesting = new Nesting("outer", List.of("inner"));

        ValueBytes outer = ValueWriter.write(nesting);

        assertThat(nesting.inner).isNotNull();
        assertThat(nesting.inner.bytes()).isEqualTo(alone(List.of("inner")));
        assertThat(outer.bytes()).isEqualTo(alone(new Nesting("outer", List.of("inner"))));
    }

    @Test
    void aValueLargerThanTheKeptBufferIsWrittenWholeAndSoIsTheNextSmallOne() throws Exception {
        String large = "x".repeat(ValueWriter.KEPT_BUFFER * 2);

        assertThat(ValueWriter.write(large).bytes()).isEqualTo(alone(large));
        assertThat(ValueWriter.write(42).bytes()).isEqualTo(alone(42));
    }

    private static byte[] alone(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    record Pair(String name, Pair next) implements Serializable {
    }

    /** Writes another value through the writer while it is itself being written. */
    static final class Nesting implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        final String name;
        final List<String> list;
        transient ValueBytes inner;

        Nesting(String name, List<String> list) {
            this.name = name;
            this.list = list;
        }

        @Serial
        private void writeObject(ObjectOutputStream out) throws IOException {
            inner = ValueWriter.write(list);
            out.defaultWriteObject();
        }
    }
}
