package dev.springlit.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;

import org.junit.jupiter.api.Test;

class ProtocolCodecTest {

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
}
