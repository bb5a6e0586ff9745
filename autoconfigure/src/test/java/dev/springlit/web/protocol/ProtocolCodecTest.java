package dev.springlit.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.springlit.runtime.output.ServerMessage;

class ProtocolCodecTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final ProtocolCodec codec = new ProtocolCodec(mapper, null); // these messages render nothing

    /**
     * The generator hands a message over in pieces (before each escaped character); a thread keeps its buffer between
     * messages and drops one that grew large: every message is whole, whatever came before it on the thread.
     */
    @Test
    void messagesOfAnyLengthAndEscapingAreWrittenWholeOneAfterAnother() {
        String quoted = "say \"hi\" \\ <b>é</b>\n\ttab \u0001 and 😀";
        for (String text : List.of(quoted, quoted.repeat(400), "short", "é".repeat(5000), quoted)) {
            String json = codec.encode(new ServerMessage.Error("bad_value", text));

            JsonNode read = mapper.readTree(json);
            assertThat(read.get("type").asString()).isEqualTo("error");
            assertThat(read.get("code").asString()).isEqualTo("bad_value");
            assertThat(read.get("message").asString()).isEqualTo(text);
            assertThat(read.size()).isEqualTo(3);
        }
    }

    @Test
    void wellFormedTextIsReturnedAsIs() {
        String text = "plain, é, 中, 😀 and \uFFFD";
        assertThat(ProtocolCodec.wellFormed(text)).isSameAs(text);
    }

    @Test
    void loneSurrogatesBecomeReplacementCharactersSoTheMessageCanBeSent() throws Exception {
        String emoji = "😀";
        String cut = "x" + emoji.charAt(0) + "y" + emoji + emoji.charAt(1) + emoji.charAt(0);
        String fixed = ProtocolCodec.wellFormed(cut);
        assertThat(fixed).isEqualTo("x\uFFFDy" + emoji + "\uFFFD\uFFFD");
        // What the container does with it: strict UTF-8 encoding.
        StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(fixed));
    }

    /** The encoder looks for surrogates in its buffer and makes only such messages well-formed. */
    @Test
    void anEncodedMessageWithALoneSurrogateCarriesReplacementCharacters() {
        String emoji = "😀";
        for (String text : List.of("x" + emoji.charAt(0) + "y", emoji + " é " + emoji.charAt(1), "é only")) {
            String json = codec.encode(new ServerMessage.Error("bad_value", text));
            assertThat(mapper.readTree(json).get("message").asString()).isEqualTo(ProtocolCodec.wellFormed(text));
        }
        assertThat(mapper.readTree(codec.encode(new ServerMessage.Error("bad_value", "x" + emoji.charAt(0))))
                .get("message").asString()).isEqualTo("x\uFFFD");
    }
}
