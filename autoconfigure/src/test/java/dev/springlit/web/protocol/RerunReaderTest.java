package dev.springlit.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * A click's rerun is read without a tree, and reads exactly as the tree reads it; every other message, and every
 * malformed one, still goes through the tree reader, so a tab hears the same errors as before.
 */
class RerunReaderTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void aWellFormedRerunIsReadWithoutATreeAndEqualsWhatTheTreeReads() {
        List<String> reruns = List.of(
                "{\"type\":\"rerun\",\"widgets\":{},\"trigger\":\"w1\"}",
                "{\"type\":\"rerun\",\"widgets\":{},\"trigger\":null}",
                "{\"type\":\"rerun\"}",
                "{\"widgets\":{\"b\":1,\"a\":2},\"type\":\"rerun\"}",
                "{\"type\":\"rerun\",\"widgets\":null,\"seq\":7}",
                "{\"type\":\"rerun\",\"seq\":null,\"trigger\":\"x\"}",
                "{\"type\":\"rerun\",\"seq\":9007199254740992}",
                "{\"type\":\"rerun\",\"extra\":{\"deep\":[1,{\"x\":null}]},\"more\":[],\"trigger\":\"t\"}",
                "{\"type\":\"rerun\",\"widgets\":{\"i\":1,\"l\":12345678901,\"big\":123456789012345678901234567890,"
                        + "\"f\":1.5,\"e\":1e300,\"t\":true,\"no\":false,\"n\":null,\"s\":\"h\\u00e9\\n<b>\","
                        + "\"list\":[1,\"a\",[2.5,null]],\"map\":{\"k\":{\"j\":[true]}},\"empty\":\"\"},\"seq\":1}",
                " { \"type\" : \"rerun\" , \"widgets\" : { \"$$k:chat\" : \"hi\" } , \"trigger\" : \"$$k:chat\" } ");
        for (String json : reruns) {
            ClientMessage.Rerun fast = RerunReader.read(mapper, json);
            ClientMessage tree = ClientMessage.parseTree(mapper, json);
            assertThat(fast).as(json).isNotNull().isEqualTo(tree);
            assertThat(fast.widgets().keySet()).as(json)
                    .containsExactlyElementsOf(((ClientMessage.Rerun) tree).widgets().keySet());
            assertThat(types(fast)).as(json).isEqualTo(types((ClientMessage.Rerun) tree));
            assertThat(ClientMessage.parse(mapper, json)).isEqualTo(tree);
        }
    }

    @Test
    void everyOtherOrMalformedMessageIsLeftToTheTreeReaderAndGetsItsAnswer() {
        String manyWidgets = IntStream.rangeClosed(0, ClientMessage.MAX_WIDGETS)
                .mapToObj(i -> "\"w" + i + "\":1").collect(Collectors.joining(",", "{", "}"));
        List<String> others = new ArrayList<>(List.of(
                "{\"type\":\"rerun\",\"widgets\":{}", "{\"type\":\"rerun\"} []", "[]", "\"rerun\"", "",
                "{\"widgets\":{}}", "{\"type\":5}", "{\"type\":\"stop\"}", "{\"type\":\"rerun\",\"type\":\"stop\"}",
                "{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/\",\"query\":\"\",\"reclaim\":false}",
                "{\"type\":\"rerun\",\"widgets\":[]}", "{\"type\":\"rerun\",\"widgets\":{\"\":1}}",
                "{\"type\":\"rerun\",\"widgets\":{\"" + "x".repeat(ClientMessage.MAX_ID_LENGTH + 1) + "\":1}}",
                "{\"type\":\"rerun\",\"widgets\":{\"a\":1,\"a\":2}}", "{\"type\":\"rerun\",\"widgets\":{},\"widgets\":{}}",
                "{\"type\":\"rerun\",\"seq\":0}", "{\"type\":\"rerun\",\"seq\":1.5}", "{\"type\":\"rerun\",\"seq\":\"1\"}",
                "{\"type\":\"rerun\",\"seq\":9007199254740993}", "{\"type\":\"rerun\",\"seq\":1,\"seq\":2}",
                "{\"type\":\"rerun\",\"seq\":123456789012345678901234567890}",
                "{\"type\":\"rerun\",\"trigger\":5}", "{\"type\":\"rerun\",\"trigger\":\"\"}",
                "{\"type\":\"rerun\",\"trigger\":\"a\",\"trigger\":\"b\"}",
                "{\"type\":\"rerun\",\"widgets\":{\"a\":[1,}}",
                "{\"type\":\"rerun\",\"widgets\":" + manyWidgets + "}"));
        for (String json : others) {
            assertThat(RerunReader.read(mapper, json)).as(json).isNull();
            Throwable treeError = catchThrowable(() -> ClientMessage.parseTree(mapper, json));
            Throwable error = catchThrowable(() -> ClientMessage.parse(mapper, json));
            if (treeError == null) {
                assertThat(ClientMessage.parse(mapper, json)).as(json).isEqualTo(ClientMessage.parseTree(mapper, json));
            } else {
                assertThat(error).as(json).isInstanceOf(ClientMessage.BadMessageException.class)
                        .hasMessage(treeError.getMessage());
                assertThat(((ClientMessage.BadMessageException) error).code())
                        .isEqualTo(((ClientMessage.BadMessageException) treeError).code());
            }
        }
    }

    /** The Java types of the values, which equality of numbers across types would hide. */
    private static String types(ClientMessage.Rerun rerun) {
        return rerun.widgets().values().stream().map(v -> v == null ? "null" : v.getClass().getName() + ":" + v)
                .collect(Collectors.joining(","));
    }
}
