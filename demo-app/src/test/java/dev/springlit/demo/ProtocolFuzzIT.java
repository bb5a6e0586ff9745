package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protocol fuzzing against the live demo app (issue 8). Many connections at once, each paced under
 * {@code streamlit.server.max-messages-per-second}, send generated frames to {@code /widgets} and {@code /counter}
 * sessions: malformed and truncated JSON, every field with the wrong type, huge numbers, arrays nested 10,000
 * deep, unknown message types and widget ids, binary frames, frames over {@code max-message-size} (whole and
 * fragmented), wrong values for every widget kind, and valid but hostile values (200 KB strings, markup). Each
 * frame's answer is checked one by one: a frame the handler refuses gets exactly one {@code error} with the
 * expected code and nothing else; a frame that reaches the session runs the page (status {@code ok}) with an
 * error for every bad value and none for good ones. Raw TCP frames that break RFC 6455 (bad UTF-8, reserved
 * opcodes and bits, unmasked frames, ...) get a clean close. Meanwhile an untouched tab on {@code /counter}
 * counts every click exactly, the fuzzed sessions still work afterwards, and the heap stays bounded.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ProtocolFuzzIT {

    static final long SEED = 8L;
    static final int CONNECTIONS = 25;
    static final int FRAMES_PER_CONNECTION = 410;
    /** Frames a second per connection: half of the default streamlit.server.max-messages-per-second. */
    static final int PACE_PER_SECOND = 100;
    static final int MAX_MESSAGE_SIZE = 256 * 1024;
    /** How long a page's first run in a fresh server may take on a loaded machine (5–7 s seen at load 25). */
    static final Duration COLD_FIRST_RUN = Duration.ofSeconds(60);
    /**
     * How long one frame's answer may take. What is checked is the answer, not its speed (the benchmark measures
     * that): 10 s was passed above load ~25 by the answers to 10,001 widget values or 200 KB of text, with every
     * answer still arriving and right. A server that never answers still fails, after this long.
     */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WIDGET_TAG = Pattern.compile("<[a-z]+ [^>]*data-sl-widget=\"([^\"]+)\"[^>]*>");
    private static final Pattern KIND = Pattern.compile("data-sl-kind=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    /** What a frame must get back. */
    private sealed interface Expect {
    }

    /** The handler refuses it: the very next message is an error with this code, and no run follows. */
    private record Refused(String code) implements Expect {
    }

    /** It reaches the session: one run with status ok, errors only with these codes, at least one if {@code bad}. */
    private record Runs(boolean bad, Set<String> codes) implements Expect {
    }

    /** One generated frame: text (maybe sent in fragments) or binary. */
    private record Frame(String category, String text, byte[] binary, int fragments, Expect expect) {
    }

    private static final Runs GOOD_RUN = new Runs(false, Set.of());
    private static final Runs UNKNOWN_WIDGET = new Runs(true, Set.of("unknown_widget"));
    private static final Runs BAD_VALUE = new Runs(true, Set.of("bad_value"));

    private final Map<String, LongAdder> framesByCategory = new ConcurrentHashMap<>();
    /** The longest a frame waited for the end of its answer, in ms (printed: how close ANSWER_WITHIN came). */
    private final LongAccumulator slowestAnswerMs = new LongAccumulator(Math::max, 0);

    // ---- frame generation --------------------------------------------------------------------------------

    /** The widgets of the page a connection fuzzes: id by label, kind by id, and the button ids. */
    private record Widgets(Map<String, String> idByLabel, Map<String, String> kindById, List<String> buttons) {

        static Widgets of(String screen) {
            Map<String, String> idByLabel = new LinkedHashMap<>();
            Map<String, String> kindById = new LinkedHashMap<>();
            List<String> buttons = new ArrayList<>();
            for (String element : screen.split("\n")) {
                Matcher tag = WIDGET_TAG.matcher(element);
                if (!tag.find()) {
                    continue;
                }
                String id = unescape(tag.group(1));
                Matcher kind = KIND.matcher(tag.group());
                String type = kind.find() ? kind.group(1) : "button";
                kindById.put(id, type);
                if (tag.group().contains("data-sl-trigger") || type.equals("button") || type.equals("download_button")) {
                    buttons.add(id);
                }
                Matcher label = Pattern.compile("<label[^>]*>\\s*(?:<[^>]+>\\s*)*([^<]+)").matcher(element);
                if (label.find()) {
                    idByLabel.putIfAbsent(label.group(1).trim(), id);
                }
            }
            return new Widgets(idByLabel, kindById, buttons);
        }

        String id(String label) {
            if (label.equals("Size")) { // a radio: its first label is its first option's
                return kindById.entrySet().stream().filter(e -> e.getValue().equals("radio")).findFirst()
                        .orElseThrow().getKey();
            }
            String id = idByLabel.get(label);
            if (id == null) {
                throw new AssertionError("No widget labelled \"" + label + "\" in " + idByLabel.keySet());
            }
            return id;
        }
    }

    static String unescape(String html) {
        Matcher entity = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            int code = Integer.parseInt(entity.group(2), entity.group(1).isEmpty() ? 10 : 16);
            entity.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        entity.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Generates frames for one connection from its own random stream. */
    private static final class Generator {

        private final Random random;
        private final Widgets widgets;
        private final boolean counter;

        Generator(long seed, Widgets widgets, boolean counter) {
            this.random = new Random(seed);
            this.widgets = widgets;
            this.counter = counter;
        }

        static String json(Object value) {
            return JSON.writeValueAsString(value);
        }

        static Map<String, Object> message(Object... keyValues) {
            Map<String, Object> message = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                message.put((String) keyValues[i], keyValues[i + 1]);
            }
            return message;
        }

        static String nested(int depth, boolean objects) {
            StringBuilder text = new StringBuilder(depth * 6);
            for (int i = 0; i < depth; i++) {
                text.append(objects ? "{\"a\":" : "[");
            }
            text.append('1');
            for (int i = 0; i < depth; i++) {
                text.append(objects ? '}' : ']');
            }
            return text.toString();
        }

        /** Random text without lone surrogates: ASCII, controls, markup, accents, CJK and emoji. */
        String text(int maxLength) {
            String[] pieces = {"a", "Z", "0", " ", "\"", "\\", "{", "}", "[", "]", ":", ",", "\u0000", "\n", "\t",
                    "\u007f", "é", "ß", "中", "\u202e", "\u2028", "😀", "<script>", "&amp;", "'", "$$w:", "null"};
            int length = random.nextInt(maxLength + 1);
            StringBuilder text = new StringBuilder();
            while (text.length() < length) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            return text.toString();
        }

        Object wrongValue() {
            return switch (random.nextInt(9)) {
                case 0 -> text(20);
                case 1 -> random.nextBoolean();
                case 2 -> List.of(random.nextInt(5), "x");
                case 3 -> Map.of("k", random.nextInt());
                case 4 -> 1e300 * (random.nextBoolean() ? 1 : -1);
                case 5 -> new java.math.BigInteger("1" + "0".repeat(40));
                case 6 -> 4_294_967_301L; // 2^32 + 5: must not wrap around to 5
                case 7 -> -random.nextInt(1_000_000) - 1;
                default -> 0.5 + random.nextInt(3);
            };
        }

        Frame next(boolean saidHello) {
            int pick = random.nextInt(100);
            if (!saidHello) {
                return beforeHello(pick);
            }
            if (pick < 45) {
                return refusedByHandler();
            }
            if (pick < 48) {
                return oversized();
            }
            if (pick < 55) {
                return binary();
            }
            return reachesSession();
        }

        private Frame beforeHello(int pick) {
            if (pick < 30) {
                return new Frame("rerun before hello", json(message("type", "rerun", "widgets", Map.of(), "trigger",
                        random.nextBoolean() ? null : "x")), null, 1, new Refused("protocol"));
            }
            if (pick < 40) {
                return new Frame("navigate before hello", json(message("type", "navigate", "page", "/counter")), null,
                        1, new Refused("protocol"));
            }
            if (pick < 60) {
                Object protocol = switch (random.nextInt(6)) {
                    case 0 -> 2;
                    case 1 -> "1";
                    case 2 -> 1.0;
                    case 3 -> null;
                    case 4 -> List.of(1);
                    default -> new java.math.BigInteger("18446744073709551617");
                };
                return new Frame("hello with a wrong protocol", json(message("type", "hello", "protocol", protocol,
                        "session", null, "page", "/counter", "query", "", "reclaim", false)), null, 1,
                        new Refused("protocol"));
            }
            if (pick < 80) {
                return refusedByHandler(false);
            }
            return binary();
        }

        private Frame refusedByHandler() {
            return refusedByHandler(true);
        }

        private Frame refusedByHandler(boolean saidHello) {
            int pick = random.nextInt(17);
            if (!saidHello && pick == 7) {
                pick = 8; // a valid hello would say hello
            }
            return switch (pick) {
                case 0 -> {
                    String valid = json(message("type", "rerun", "widgets", Map.of("a", 1), "trigger", null));
                    yield new Frame("truncated JSON", valid.substring(0, 1 + random.nextInt(valid.length() - 1)), null,
                            1, new Refused("bad_message"));
                }
                case 1 -> new Frame("not JSON", "x" + text(200), null, 1, new Refused("bad_message"));
                case 2 -> new Frame("JSON that is not an object", switch (random.nextInt(7)) {
                    case 0 -> "1e999999";
                    case 1 -> "9".repeat(5_000);
                    case 2 -> "\"rerun\"";
                    case 3 -> "true";
                    case 4 -> "null";
                    case 5 -> "[{\"type\":\"rerun\"}]";
                    default -> "";
                }, null, 1, new Refused("bad_message"));
                case 3 -> new Frame("arrays nested 10,000 deep", random.nextBoolean() ? nested(10_000, false)
                        : json(message("type", "rerun", "trigger", null)).replace("\"trigger\"",
                                "\"widgets\":{\"w\":" + nested(10_000, false) + "},\"trigger\""), null, 1,
                        new Refused("bad_message"));
                case 4 -> new Frame("objects nested 10,000 deep", nested(10_000, true), null, 1,
                        new Refused("bad_message"));
                case 5 -> new Frame("missing or ill-typed type", json(random.nextBoolean()
                        ? message("widgets", Map.of())
                        : message("type", wrongValue(), "widgets", Map.of())), null, 1, new Refused("bad_message"));
                case 6 -> new Frame("unknown message type", json(message("type", random.nextBoolean() ? text(30)
                        : "x".repeat(10_000), "page", "/counter")), null, 1, new Refused("bad_message"));
                case 7 -> new Frame("second hello", json(message("type", "hello", "protocol", 1, "session", null,
                        "page", "/counter", "query", "", "reclaim", true)), null, 1, new Refused("protocol"));
                case 8 -> {
                    String field = List.of("session", "page", "query", "reclaim").get(random.nextInt(4));
                    Map<String, Object> hello = message("type", "hello", "protocol", 1, "session", null, "page",
                            "/counter", "query", "", "reclaim", false);
                    hello.put(field, field.equals("reclaim") ? text(5) : List.of(random.nextInt()));
                    yield new Frame("hello with an ill-typed " + field, json(hello), null, 1,
                            new Refused("bad_message"));
                }
                case 9 -> {
                    Object widgets = switch (random.nextInt(4)) {
                        case 0 -> text(10);
                        case 1 -> random.nextInt();
                        case 2 -> List.of(Map.of("id", 1));
                        default -> true;
                    };
                    yield new Frame("rerun with ill-typed widgets", json(message("type", "rerun", "widgets", widgets)),
                            null, 1, new Refused("bad_message"));
                }
                case 10 -> new Frame("rerun with ill-typed trigger", json(message("type", "rerun", "widgets", Map.of(),
                        "trigger", random.nextBoolean() ? random.nextInt() : List.of("x"))), null, 1,
                        new Refused("bad_message"));
                case 11 -> {
                    String id = random.nextBoolean() ? "" : "w".repeat(1_001 + random.nextInt(60_000));
                    Map<String, Object> rerun = random.nextBoolean()
                            ? message("type", "rerun", "widgets", Map.of(id, 1), "trigger", null)
                            : message("type", "rerun", "widgets", Map.of(), "trigger", id);
                    yield new Frame("empty or over-long widget id", json(rerun), null, 1, new Refused("bad_message"));
                }
                case 12 -> {
                    Map<String, Object> many = new LinkedHashMap<>();
                    for (int i = 0; i <= 10_000; i++) {
                        many.put("w" + i, i);
                    }
                    yield new Frame("10,001 widget values", json(message("type", "rerun", "widgets", many)), null, 1,
                            new Refused("too_large"));
                }
                case 13 -> new Frame("navigate with an ill-typed page", json(random.nextBoolean()
                        ? message("type", "navigate", "page", random.nextInt())
                        : message("type", "navigate")), null, 1, new Refused("bad_message"));
                case 14 -> new Frame("navigate to an unknown page", json(message("type", "navigate", "page",
                        "/no-such-page-" + text(20))), null, 1, new Refused(saidHello ? "unknown_page" : "protocol"));
                case 15 -> new Frame("a message in fragments that is not JSON", "{" + text(3_000) + "x", null,
                        2 + random.nextInt(5), new Refused("bad_message"));
                default -> new Frame("a huge number in a field", "{\"type\":\"rerun\",\"trigger\":"
                        + "1".repeat(2_000) + "}", null, 1, new Refused("bad_message"));
            };
        }

        private Frame oversized() {
            int size = MAX_MESSAGE_SIZE + 1 + random.nextInt(1024 * 1024 - MAX_MESSAGE_SIZE);
            String text = random.nextBoolean()
                    ? json(message("type", "rerun", "widgets", Map.of(widgets.idByLabel().isEmpty()
                            ? "w" : widgets.idByLabel().values().iterator().next(), "x".repeat(size)), "trigger", null))
                    : "y".repeat(size);
            return new Frame("over max-message-size", text, null, random.nextInt(4) == 0 ? 10 : 1,
                    new Refused("too_large"));
        }

        private Frame binary() {
            byte[] bytes = new byte[random.nextInt(2_000)];
            random.nextBytes(bytes);
            return new Frame("binary frame", null, bytes, 1, new Refused("bad_message"));
        }

        private Frame reachesSession() {
            int pick = random.nextInt(counter ? 5 : 9);
            return switch (pick) {
                case 0 -> new Frame("value for an unknown widget", json(message("type", "rerun", "widgets",
                        Map.of(random.nextBoolean() ? "$$w:number_input:" + text(10) : text(30) + "z", wrongValue()))),
                        null, 1, UNKNOWN_WIDGET);
                case 1 -> new Frame("click on an unknown button", json(message("type", "rerun", "widgets", Map.of(),
                        "trigger", "$$w:button:" + text(20))), null, 1, UNKNOWN_WIDGET);
                case 2 -> new Frame("a button sent as a value", json(message("type", "rerun", "widgets",
                        Map.of(widgets.buttons().get(random.nextInt(widgets.buttons().size())), true))), null, 1,
                        UNKNOWN_WIDGET);
                case 3 -> new Frame("a valid rerun with junk fields", json(message("type", "rerun", "widgets", null,
                        "trigger", null, "extra", List.of(text(50), Map.of("x", 1)))), null, 1, GOOD_RUN);
                case 4 -> counter ? click() : valueWidgetAsTrigger();
                case 5 -> valueWidgetAsTrigger();
                case 6, 7 -> wrongWidgetValue();
                default -> hostileButValidValue();
            };
        }

        private Frame click() {
            return new Frame("a click on Increment", json(message("type", "rerun", "widgets", Map.of(), "trigger",
                    widgets.buttons().get(0))), null, 1, GOOD_RUN);
        }

        private Frame valueWidgetAsTrigger() {
            return new Frame("a value widget sent as the trigger", json(message("type", "rerun", "widgets", Map.of(),
                    "trigger", widgets.id("Number"))), null, 1, UNKNOWN_WIDGET);
        }

        /** A wrong value for a widget of each kind on /widgets. */
        private Frame wrongWidgetValue() {
            String label = List.of("Number", "Slider", "Range", "Name", "Notes", "I agree", "Dark mode", "Size",
                    "Fruit", "Regions", "Day", "Time", "Colour", "Upload a text file").get(random.nextInt(14));
            Object value = switch (label) {
                case "Number", "Slider" -> random.nextBoolean() ? wrongValue() : 1_000 + random.nextInt(1_000_000);
                case "Range" -> List.of(List.of(0.9, 0.1), List.of(0.5), List.of(-1.0, 2.0), List.of("a", "b"),
                        List.of(0.1, 0.2, 0.3)).get(random.nextInt(5));
                case "Name" -> random.nextBoolean() ? "n".repeat(41 + random.nextInt(1_000)) : random.nextInt();
                case "Notes" -> List.of(random.nextInt());
                case "I agree", "Dark mode" -> List.of("true", 1, 0, "false").get(random.nextInt(4));
                case "Size", "Fruit" -> List.of(3, -1, 99, "Small", 1.5, 4_294_967_297L).get(random.nextInt(6));
                case "Regions" -> List.of(List.of(0, 1, 2, 3), List.of(9), "0", List.of(List.of(0)))
                        .get(random.nextInt(4));
                case "Day" -> List.of("2026-13-45", "yesterday", 20261121, "2026-02-30").get(random.nextInt(4));
                case "Time" -> List.of("25:99", "noon", 930, "9:30:00:00").get(random.nextInt(4));
                case "Colour" -> List.of("red", "#12345g", 0xff4b4b, "#ff4b4b00").get(random.nextInt(4));
                default -> List.of(List.of("no-such-upload"), "x", List.of(1)).get(random.nextInt(3));
            };
            return new Frame("wrong value for " + widgets.kindById().get(widgets.id(label)),
                    json(message("type", "rerun", "widgets", Map.of(widgets.id(label), value), "trigger", null)), null,
                    1, BAD_VALUE);
        }

        /** Values the widgets take, chosen to be unpleasant: 200 KB of text, markup, controls, null. */
        private Frame hostileButValidValue() {
            return switch (random.nextInt(4)) {
                case 0 -> new Frame("200 KB of text in a text area", json(message("type", "rerun", "widgets",
                        Map.of(widgets.id("Notes"), "<b>" + "z".repeat(200 * 1024) + "</b>"))), null, 1, GOOD_RUN);
                case 1 -> new Frame("markup in a text input", json(message("type", "rerun", "widgets",
                        Map.of(widgets.id("Name"), "<script>window.x=1</script>"))), null, 1, GOOD_RUN);
                case 2 -> new Frame("odd text in a text area", json(message("type", "rerun", "widgets",
                        Map.of(widgets.id("Notes"), text(2_000)))), null, 1, GOOD_RUN);
                default -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put(widgets.id("Fruit"), null);
                    values.put(widgets.id("Number"), random.nextInt(11));
                    yield new Frame("valid values", json(message("type", "rerun", "widgets", values)), null, 1,
                            GOOD_RUN);
                }
            };
        }
    }

    // ---- one fuzzing connection --------------------------------------------------------------------------

    private record Result(int frames, int errors, int runs, int clicks) {
    }

    private Result fuzz(int index) throws Exception {
        boolean counter = index % 3 == 0;
        String page = counter ? "/counter" : "/widgets";
        int frames = 0;
        int errors = 0;
        int runs = 0;
        int clicks = 0;
        long interval = TimeUnit.SECONDS.toNanos(1) / PACE_PER_SECOND;
        long sent = System.nanoTime() - interval;
        try (StreamClient client = StreamClient.connect(port)) {
            Generator before = new Generator(SEED * 1_000 + index, new Widgets(Map.of(), Map.of(), List.of("b")), false);
            int preHello = index % 2 == 0 ? 20 : 0;
            for (int i = 0; i < preHello; i++) {
                sent = pace(sent, interval);
                frames++;
                errors += exchange(client, before.next(false));
            }
            client.hello(null, page, false);
            frames++;
            client.await("a \"session\" message", m -> "session".equals(m.path("type").asString()), ANSWER_WITHIN);
            client.awaitRunEnd(ANSWER_WITHIN);
            client.forgetUnclaimed(); // a slow first run also sends partial deltas; the fuzz answers come after
            Widgets widgets = Widgets.of(client.screen());
            Generator generator = new Generator(SEED * 1_000_000 + index, widgets, counter);
            while (frames < FRAMES_PER_CONNECTION) {
                sent = pace(sent, interval);
                frames++;
                Frame frame = generator.next(true);
                errors += exchange(client, frame);
                if (frame.expect() instanceof Runs) {
                    runs++;
                    if (frame.category().equals("a click on Increment")) {
                        clicks++;
                        assertThat(client.screen()).as("the count after %d good clicks among the fuzz", clicks)
                                .contains("Count = " + clicks);
                    }
                }
            }
            assertThat(client.screen()).as("no markup from the fuzz reaches the page unescaped")
                    .doesNotContainIgnoringCase("<script");
            // The session still works.
            if (counter) {
                String expected = "Count = " + (clicks + 1);
                client.click(widgets.buttons().get(0));
                client.await(expected, m -> client.screen().contains(expected), ANSWER_WITHIN);
            } else {
                client.send(Map.of("type", "rerun", "widgets", Map.of(widgets.id("Number"), 7)));
                client.await("numberInput: 7", m -> client.screen().contains("numberInput: 7"), ANSWER_WITHIN);
            }
        }
        return new Result(frames, errors, runs, clicks);
    }

    /**
     * Waits until {@code interval} has passed since the last frame was sent and returns the new send time. Paced
     * from the last frame, not from the start: after a slow answer (a cold first run, 10,001 widget values) a
     * schedule kept from the start would send its backlog at once, past the server's burst allowance, and the server
     * would rightly answer {@code rate_limited}.
     */
    private static long pace(long lastSent, long interval) throws InterruptedException {
        long wait = lastSent + interval - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return System.nanoTime();
    }

    /** Sends one frame and checks its answer; returns how many errors it got. */
    private int exchange(StreamClient client, Frame frame) {
        framesByCategory.computeIfAbsent(frame.category(), c -> new LongAdder()).increment();
        if (frame.binary() != null) {
            client.sendBinary(frame.binary());
        } else if (frame.fragments() > 1) {
            client.sendFragments(frame.text(), frame.fragments());
        } else {
            client.sendRaw(frame.text());
        }
        String what = frame.category() + ": " + abbreviate(frame.text());
        long sent = System.nanoTime();
        try {
            return answerTo(client, frame, what);
        } finally {
            slowestAnswerMs.accumulate(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        }
    }

    private int answerTo(StreamClient client, Frame frame, String what) {
        if (frame.expect() instanceof Refused refused) {
            JsonNode answer = client.await("the answer to " + what, m -> true, ANSWER_WITHIN);
            assertThat(answer.path("type").asString()).as("answer type to %s: %s", what, answer).isEqualTo("error");
            assertThat(answer.path("code").asString()).as("error code for %s: %s", what, answer)
                    .isEqualTo(refused.code());
            assertThat(answer.path("message").asString()).as("error message for %s", what).isNotBlank();
            return 1;
        }
        Runs runs = (Runs) frame.expect();
        List<String> codes = new ArrayList<>();
        while (true) {
            JsonNode answer = client.await("the run after " + what, m -> true, ANSWER_WITHIN);
            String type = answer.path("type").asString();
            if (type.equals("error")) {
                codes.add(answer.path("code").asString());
            } else if (type.equals("delta") && !answer.path("status").isNull()) {
                assertThat(answer.path("status").asString()).as("status of the run after %s", what).isEqualTo("ok");
                break;
            } else {
                assertThat(type).as("message during the run after %s: %s", what, answer).isEqualTo("delta");
            }
        }
        if (runs.bad()) {
            assertThat(codes).as("errors for %s", what).isNotEmpty();
            assertThat(runs.codes()).as("error codes for %s", what).containsAll(codes);
        } else {
            assertThat(codes).as("errors for %s", what).isEmpty();
        }
        return codes.size();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(binary)";
        }
        return text.length() > 200 ? text.substring(0, 200) + "… (" + text.length() + " chars)" : text;
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---- the tests ---------------------------------------------------------------------------------------

    /**
     * Runs each fuzzed page once before the fuzzing, waiting as long as a cold first run takes. Without it the 25
     * connections' first runs are the server's first renders of {@code /widgets} (JIT and template caches cold):
     * at load 25 on two cores they took over the 10 s each answer may take, with 256- and 512-byte buffers alike.
     */
    private void warmUp() {
        for (String page : List.of("/widgets", "/counter")) {
            try (StreamClient tab = StreamClient.connect(port)) {
                tab.hello(null, page, false);
                tab.awaitRunEnd(COLD_FIRST_RUN);
            }
        }
    }

    @Test
    void tenThousandGeneratedFramesAreEachRefusedOrHandledAndNothingElseIsDisturbed() throws Exception {
        warmUp();
        // A tab beside the fuzzing that nobody touches but itself.
        StreamClient bystander = StreamClient.connect(port);
        bystander.hello(null, "/counter", false);
        bystander.awaitRunEnd();
        String increment = bystander.buttonId("Increment");
        long heapBefore = usedHeapAfterGc();
        long start = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS + 1);
        AtomicInteger bystanderClicks = new AtomicInteger();
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                int index = i;
                results.add(pool.submit(() -> fuzz(index)));
            }
            Future<?> clicking = pool.submit(() -> {
                while (!results.stream().allMatch(Future::isDone)) {
                    int count = bystanderClicks.incrementAndGet();
                    bystander.click(increment);
                    bystander.await("Count = " + count, m -> bystander.screen().contains("Count = " + count),
                            ANSWER_WITHIN);
                    Thread.sleep(50);
                }
                return null;
            });
            int frames = 0;
            int errors = 0;
            int runs = 0;
            for (Future<Result> result : results) {
                Result r = result.get(15, TimeUnit.MINUTES); // each of its answers is bounded (ANSWER_WITHIN)
                frames += r.frames();
                errors += r.errors();
                runs += r.runs();
            }
            clicking.get(ANSWER_WITHIN.toSeconds() + 30, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

            // The bystander counted every one of its clicks, and only those.
            int clicks = bystanderClicks.get();
            bystander.click(increment);
            bystander.await("Count = " + (clicks + 1), m -> bystander.screen().contains("Count = " + (clicks + 1)));
            assertThat(bystander.screen()).contains("Count = " + (clicks + 1));
            bystander.close();

            long heapAfter = usedHeapAfterGc();
            System.out.printf("ProtocolFuzzIT: %d frames from %d connections in %d s: %d errors, %d runs; "
                            + "bystander counted %d clicks; heap %d MB -> %d MB; slowest answer %d ms%n", frames,
                    CONNECTIONS, seconds, errors, runs, clicks + 1, heapBefore >> 20, heapAfter >> 20,
                    slowestAnswerMs.get());
            System.out.println("ProtocolFuzzIT frames by category: " + new TreeMap<>(framesByCategory));
            assertThat(frames).isGreaterThanOrEqualTo(10_000);
            assertThat(clicks).isGreaterThan(10);
            assertThat(heapAfter - heapBefore).as("heap growth after the fuzzing (bytes)").isLessThan(150L << 20);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- frames that break RFC 6455 itself ---------------------------------------------------------------

    private interface RawCase {
        void send(RawWebSocket socket) throws IOException;
    }

    @Test
    void framesThatBreakTheWebSocketProtocolGetACleanClose() throws Exception {
        byte[] hello = "{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/counter\",\"query\":\"\"}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, RawCase> cases = new LinkedHashMap<>();
        cases.put("invalid UTF-8 in a text frame", s -> s.frame(0x81, new byte[] {'{', (byte) 0xc3, 0x28, '}'}, true));
        cases.put("invalid UTF-8 in the second fragment", s -> {
            s.frame(0x01, "{\"type\":".getBytes(StandardCharsets.UTF_8), true);
            s.frame(0x80, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, true);
        });
        cases.put("reserved opcode 3", s -> s.frame(0x83, hello, true));
        cases.put("reserved opcode 11", s -> s.frame(0x8b, new byte[0], true));
        cases.put("RSV1 without an extension", s -> s.frame(0xc1, hello, true));
        cases.put("RSV3", s -> s.frame(0x91, hello, true));
        cases.put("unmasked client frame", s -> s.frame(0x81, hello, false));
        cases.put("continuation without a start", s -> s.frame(0x80, hello, true));
        cases.put("fragmented ping", s -> s.frame(0x09, new byte[] {1}, true));
        cases.put("ping with 126 bytes", s -> s.frame(0x89, new byte[126], true));
        cases.put("close with code 999", s -> s.frame(0x88, new byte[] {0x03, (byte) 0xe7}, true));
        cases.put("a new text frame inside a fragmented one", s -> {
            s.frame(0x01, "{\"a\":".getBytes(StandardCharsets.UTF_8), true);
            s.frame(0x81, hello, true);
        });
        cases.put("a 64-bit length with the top bit set", s -> s.bytes(new byte[] {(byte) 0x81, (byte) 0xff,
                (byte) 0x80, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4}));
        int frames = 0;
        Map<String, Integer> codes = new TreeMap<>();
        for (int round = 0; round < 8; round++) {
            for (Map.Entry<String, RawCase> c : cases.entrySet()) {
                try (RawWebSocket socket = new RawWebSocket(port)) {
                    if (round % 2 == 1) {
                        // with a session attached, too (once its first run is shown: a close racing a write in
                        // progress may go without its close frame, which RFC 6455 allows)
                        socket.frame(0x81, hello, true);
                        frames++;
                        socket.awaitText("\"status\":\"ok\"");
                    }
                    c.getValue().send(socket);
                    frames++;
                    int code;
                    try {
                        code = socket.awaitClose();
                    } catch (EOFException | SocketException e) {
                        if (round % 2 == 0) {
                            throw new AssertionError("No close frame after " + c.getKey() + " (round " + round + ")", e);
                        }
                        // With a session attached, Tomcat's close frame may lose a race with a write still in
                        // progress; the connection is failed without it, which RFC 6455 (7.1.7) allows.
                        code = -1;
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError("The connection was not closed within 5 s after " + c.getKey(), e);
                    }
                    if (code != -1) {
                        assertThat(code).as("close code after %s", c.getKey()).isIn(1002, 1007, 1009);
                        codes.merge(c.getKey() + " -> " + code, 1, Integer::sum);
                    } else {
                        codes.merge(c.getKey() + " -> (closed without a close frame)", 1, Integer::sum);
                    }
                }
            }
        }
        System.out.println("ProtocolFuzzIT: " + frames + " raw frames, each closed: " + codes);
        // The server keeps serving.
        try (StreamClient client = StreamClient.connect(port)) {
            client.hello(null, "/counter", false);
            client.awaitRunEnd();
            client.click(client.buttonId("Increment"));
            client.await("Count = 1", m -> client.screen().contains("Count = 1"));
        }
        Set<String> closedCleanly = new HashSet<>();
        codes.keySet().stream().filter(k -> !k.endsWith("(closed without a close frame)"))
                .forEach(k -> closedCleanly.add(k.substring(0, k.lastIndexOf(" -> "))));
        assertThat(closedCleanly).as("cases answered with a close frame").hasSize(cases.size());
    }
}
