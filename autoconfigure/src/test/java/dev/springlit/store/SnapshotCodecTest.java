package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.springlit.Range;
import example.shop.Cart;

@Timeout(60)
class SnapshotCodecTest {

    private final SnapshotCodec codec = new SnapshotCodec(getClass().getClassLoader(), List.of());

    private static SessionSnapshot withValue(String key, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        return new SessionSnapshot(values, Map.of(), Map.of(), "/", "", 1);
    }

    @Test
    void S9_5_jdkValueTypesCollectionsArraysAndSpringlitValuesRoundTrip() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "héllo");
        values.put("int", 3);
        values.put("long", 4L);
        values.put("double", 1.5);
        values.put("float", 2.5f);
        values.put("bool", true);
        values.put("char", 'x');
        values.put("short", (short) 7);
        values.put("byte", (byte) 8);
        values.put("decimal", new BigDecimal("12.345"));
        values.put("big", BigInteger.TEN.pow(40));
        values.put("date", LocalDate.of(2026, 12, 1));
        values.put("time", LocalTime.of(23, 59));
        values.put("dateTime", LocalDateTime.of(2026, 12, 1, 8, 30));
        values.put("instant", Instant.ofEpochSecond(1_800_000_000L));
        values.put("zoned", ZonedDateTime.of(2026, 12, 1, 8, 30, 0, 0, ZoneId.of("Europe/Paris")));
        values.put("duration", Duration.ofMinutes(90));
        values.put("day", DayOfWeek.MONDAY);
        values.put("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        values.put("listOf", List.of(1, 2, 3));
        values.put("setOf", Set.of("a"));
        values.put("mapOf", Map.of("k", List.of("v")));
        values.put("arrayList", new ArrayList<>(List.of("x", "y")));
        values.put("linkedList", new LinkedList<>(List.of(1)));
        values.put("treeMap", new TreeMap<>(Map.of("b", 2, "a", 1)));
        values.put("unmodifiable", Collections.unmodifiableList(new ArrayList<>(List.of(5))));
        values.put("emptyList", Collections.emptyList());
        values.put("asList", Arrays.asList("p", "q"));
        values.put("enumSet", EnumSet.of(DayOfWeek.FRIDAY));
        values.put("ints", new int[] {1, 2, 3});
        values.put("strings", new String[] {"s", "t"});
        values.put("range", Range.of(20, 80));
        values.put("nothing", null);
        String button = "$$w:button:abc";
        SessionSnapshot snapshot = new SessionSnapshot(values, Map.of(button, false),
                Map.of(button, new WidgetSnapshot(button, null, "button", "my_form", 2, true, false),
                        "$$k:when", new WidgetSnapshot("$$k:when", "when", "date_input", null, 3, false,
                                LocalDate.of(2026, 1, 1))),
                "/dashboard", "a=1&a=2", 42);

        SessionSnapshot read = codec.decode(codec.encode(snapshot));

        assertThat(read.values()).containsOnlyKeys(values.keySet());
        // AssertJ compares the arrays by content
        values.forEach((key, value) -> assertThat(read.values().get(key)).as(key).isEqualTo(value));
        assertThat(read.unkeyedValues()).isEqualTo(snapshot.unkeyedValues());
        assertThat(read.widgets()).isEqualTo(snapshot.widgets());
        assertThat(read.pagePath()).isEqualTo("/dashboard");
        assertThat(read.query()).isEqualTo("a=1&a=2");
        assertThat(read.lastSeq()).isEqualTo(42);
    }

    @Test
    void S9_5_aClassOutsideTheAllowListIsRefusedBeforeAnyOfItsCodeRuns() {
        int readsBefore = Gadget.READS.get();
        byte[] bytes = codec.encode(withValue("payload", List.of(new Gadget("rm -rf /"))));

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UnreadableSessionException.class)
                .hasMessageContaining("the class dev.springlit.store.Gadget is not in the allow-list")
                .hasMessageNotContaining("rm -rf");
        assertThat(Gadget.READS.get()).as("Gadget.readObject never ran").isEqualTo(readsBefore);
    }

    @Test
    void S9_5_applicationPackagesAreReadOnlyWhenConfigured() {
        byte[] bytes = codec.encode(withValue("cart", new Cart(List.of("apple"))));

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(UnreadableSessionException.class)
                .hasMessageContaining("example.shop.Cart");
        SnapshotCodec allowing = new SnapshotCodec(getClass().getClassLoader(), List.of("example.shop"));
        assertThat(allowing.decode(bytes).values()).containsEntry("cart", new Cart(List.of("apple")));
    }

    @Test
    void S9_5_packagesThatWouldOpenTheJdkSpringOrEverythingCannotBeAllowed() {
        for (String broad : List.of("", "com", "java.util", "javax.management", "org.springframework.beans",
                "org.apache.commons", "dev.springlit.runtime", "sun.misc", "example..shop", "example.shop\nINFO")) {
            assertThatThrownBy(() -> new SnapshotCodec(getClass().getClassLoader(), List.of(broad)))
                    .as(broad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void S9_5_foreignDataIsRefusedWithAClearException() throws IOException {
        ByteArrayOutputStream plainJava = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(plainJava)) {
            out.writeObject("not ours");
        }
        for (byte[] foreign : List.of(new byte[0], "{\"count\":3}".getBytes(StandardCharsets.UTF_8),
                plainJava.toByteArray(), new byte[] {'S', 'P', 'L'})) {
            assertThatThrownBy(() -> codec.decode(foreign))
                    .isInstanceOf(UnreadableSessionException.class)
                    .hasMessageContaining("not Springlit session data");
        }
    }

    @Test
    void S9_2_aSnapshotStoredBeforeRerunsWereRecordedIsReadWithNoRerunPendingAndANewOneKeepsTheFlag() throws IOException {
        // counterPage(3) as session 6's code encoded it, before SessionSnapshot had rerunRequested
        byte[] old;
        try (java.io.InputStream in = getClass().getResourceAsStream("counter-page-before-rerun-flag.b64")) {
            old = java.util.Base64.getDecoder().decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
        SessionSnapshot read = codec.decode(old);
        assertThat(read).isEqualTo(Snapshots.counterPage(3));
        assertThat(read.rerunRequested()).isFalse();

        SessionSnapshot pending = new SessionSnapshot(Map.of("count", 3), Map.of(), Map.of(), "/counter", "", 3, null,
                List.of(), true);
        assertThat(codec.decode(codec.encode(pending))).isEqualTo(pending);
    }

    @Test
    void S9_5_dataOfAnotherFormatVersionIsRefused() {
        byte[] bytes = codec.encode(Snapshots.counterPage(3));
        bytes[4] = 9;

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(UnreadableSessionException.class)
                .hasMessageContaining("written in format 9 and this version reads format " + SnapshotCodec.FORMAT);
    }

    @Test
    void S9_5_everyFlippedOrTruncatedByteGivesTheSnapshotOrTheClearExceptionNeverAnythingElse() {
        byte[] good = codec.encode(Snapshots.counterPage(3));
        int refused = 0;
        for (int i = 0; i < good.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                byte[] tampered = good.clone();
                tampered[i] ^= (byte) mask;
                refused += decodesOrRefuses(tampered);
            }
            refused += decodesOrRefuses(Arrays.copyOf(good, i));
        }
        assertThat(refused).as("most damage is detected").isGreaterThan(good.length);
    }

    private int decodesOrRefuses(byte[] bytes) {
        try {
            assertThat(codec.decode(bytes)).isInstanceOf(SessionSnapshot.class);
            return 0;
        } catch (UnreadableSessionException expected) {
            return 1;
        }
    }

    @Test
    void S9_5_randomBytesBehindAValidHeaderAreRefusedNeverRun() {
        byte[] good = codec.encode(Snapshots.counterPage(3));
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 2000; i++) {
            // keep the header and the Java stream header, so the reader gets past them into the object data
            byte[] tampered = Arrays.copyOf(good, 9 + random.nextInt(good.length));
            for (int j = 9; j < tampered.length; j++) {
                tampered[j] = (byte) random.nextInt(256);
            }
            assertThatThrownBy(() -> codec.decode(tampered)).isInstanceOf(UnreadableSessionException.class);
        }
    }

    @Test
    void S9_8_valuesAreReadWithTheClassLoaderGivenAsAfterADevToolsRestart() throws Exception {
        java.net.URL classes = Cart.class.getProtectionDomain().getCodeSource().getLocation();
        try (RestartLoader restart = new RestartLoader(classes, getClass().getClassLoader())) {
            SnapshotCodec afterRestart = new SnapshotCodec(restart, List.of("example.shop"));
            byte[] bytes = codec.encode(withValue("cart", new Cart(List.of("fig"))));

            Object cart = afterRestart.decode(bytes).values().get("cart");

            assertThat(cart.getClass().getName()).isEqualTo(Cart.class.getName());
            assertThat(cart.getClass().getClassLoader()).isSameAs(restart);
            assertThat(cart).isNotInstanceOf(Cart.class).hasToString("Cart[items=[fig]]");
        }
    }

    /** Like DevTools' restart class loader: the application's own classes are loaded anew, the rest by the parent. */
    private static final class RestartLoader extends java.net.URLClassLoader {

        RestartLoader(java.net.URL classes, ClassLoader parent) {
            super(new java.net.URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("example.shop.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    @Test
    void S9_5_aClassNameWithControlCharactersIsNeutralisedInTheMessage() {
        byte[] bytes = codec.encode(withValue("payload", new Gadget("x")));
        String stream = new String(bytes, StandardCharsets.ISO_8859_1);
        String forged = stream.replace("dev.springlit.store.Gadget", "dev.springlit.store.Gadg\n\u001b");

        assertThatThrownBy(() -> codec.decode(forged.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(UnreadableSessionException.class)
                .hasMessageContaining("dev.springlit.store.Gadg\\u000a\\u001b")
                .hasMessageNotContaining("\n");
    }

    @Test
    void S9_5_nestingDeeperThanTheLimitIsRefused() {
        List<Object> deep = new ArrayList<>();
        List<Object> inner = deep;
        for (int i = 0; i < 300; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        byte[] bytes = codec.encode(withValue("deep", deep));

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(UnreadableSessionException.class)
                .hasMessageContaining("nested deeper than 200 levels");
    }

    @Test
    void S9_5_arraysAndSnapshotsLargerThanTheLimitsAreRefused() {
        SnapshotCodec small = new SnapshotCodec(getClass().getClassLoader(), List.of(),
                SnapshotLimits.defaults().withMaxArrayLength(1000).withMaxBytes(64 * 1024));
        byte[] bigArray = codec.encode(withValue("data", new long[5000]));
        assertThatThrownBy(() -> small.decode(bigArray)).isInstanceOf(UnreadableSessionException.class)
                .hasMessageContaining("an array of 5000 elements, more than 1000");

        byte[] bigList = codec.encode(withValue("data", new ArrayList<>(Collections.nCopies(20_000, "entry"))));
        assertThatThrownBy(() -> small.decode(bigList)).isInstanceOf(UnreadableSessionException.class);

        assertThatThrownBy(() -> small.encode(withValue("data", "x".repeat(100_000))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the 65536 a stored session may have");
    }

    @Test
    void aValueThatCannotBeSerializedIsRefusedWhenEncodingNamingItsType() {
        assertThatThrownBy(() -> codec.encode(withValue("thread", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object cannot be serialized");
    }

    @Test
    void measuredEncodedSizesOfTheCounterPageAndOfAHundredKeys() {
        int counter = codec.encode(Snapshots.counterPage(3)).length;
        int hundred = codec.encode(Snapshots.hundredKeys()).length;
        System.out.printf("Encoded snapshot: counter page %d bytes, 100 keys + 10 keyed widgets %d bytes%n",
                counter, hundred);

        // each value is a serialization stream of its own (its class descriptors repeat), so that a run can write
        // only the values it changed: the whole is larger than one stream would be
        assertThat(counter).isLessThan(1536);
        assertThat(hundred).isLessThan(16 * 1024);
    }
}
