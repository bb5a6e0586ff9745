package dev.springlit.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** S9.3 on the wire: a rerun's optional sequence number is read exactly, and anything else is refused. */
class ClientMessageSequenceTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void S9_3_aRerunCarriesItsSequenceNumberOrNone() {
        ClientMessage.Rerun numbered = (ClientMessage.Rerun) ClientMessage.parse(json,
                "{\"type\":\"rerun\",\"widgets\":{},\"trigger\":\"b\",\"seq\":9007199254740992}");
        assertThat(numbered.seq()).isEqualTo(1L << 53);
        ClientMessage.Rerun plain = (ClientMessage.Rerun) ClientMessage.parse(json,
                "{\"type\":\"rerun\",\"widgets\":{},\"trigger\":null}");
        assertThat(plain.seq()).isZero();
    }

    @Test
    void S9_3_aSequenceNumberThatIsNotAPositiveWholeNumberIsRefused() {
        for (String bad : new String[] {"0", "-1", "1.5", "\"7\"", "true", "9007199254740993", "1e400"}) {
            assertThatThrownBy(() -> ClientMessage.parse(json, "{\"type\":\"rerun\",\"seq\":" + bad + "}"))
                    .as(bad).isInstanceOf(ClientMessage.BadMessageException.class)
                    .hasMessageContaining("\"seq\" must be a whole number from 1 to 2^53");
        }
    }
}
