package dev.springlit.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The {@code stop} message (the user's Stop) and a chat submission read from the wire (docs/protocol.md). */
class StopMessageTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void stopIsAMessageOfItsOwnWithNoFields() {
        assertThat(ClientMessage.parse(mapper, "{\"type\":\"stop\"}")).isEqualTo(new ClientMessage.Stop());
        assertThat(ClientMessage.parse(mapper, "{\"type\":\"stop\",\"extra\":1}")).isInstanceOf(ClientMessage.Stop.class);
    }

    @Test
    void aChatSubmissionIsOneRerunCarryingTheTextUnderTheTriggersOwnId() {
        assertThat(ClientMessage.parse(mapper, "{\"type\":\"rerun\",\"widgets\":{\"$$k:chat\":\"hi\"},\"trigger\":\"$$k:chat\"}"))
                .isEqualTo(new ClientMessage.Rerun(Map.of("$$k:chat", "hi"), "$$k:chat"));
    }
}
