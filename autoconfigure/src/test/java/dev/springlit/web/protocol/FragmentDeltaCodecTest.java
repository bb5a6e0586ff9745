package dev.springlit.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.element.ElementPath;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;

/** docs/protocol.md: the deltas of a fragment run name the fragment's block (S10.1); a page run's do not. */
class FragmentDeltaCodecTest {

    private final ProtocolCodec codec = new ProtocolCodec(JsonMapper.builder().build(), null); // trims render nothing

    @Test
    void s10_1_aFragmentRunsDeltaCarriesThePathOfItsFragment() {
        ServerMessage.Delta delta = new ServerMessage.Delta(7, List.of(new ServerMessage.TrimOp(ElementPath.of(0, 2), 1)),
                RunStatus.OK, 0, ElementPath.of(0, 2));

        assertThat(codec.encode(delta)).isEqualTo("{\"type\":\"delta\",\"run\":7,\"ops\":[{\"op\":\"trim\",\"path\":[0,2],"
                + "\"length\":1}],\"status\":\"ok\",\"fragment\":[0,2]}");
    }

    @Test
    void aPageRunsDeltaHasNoFragment() {
        assertThat(codec.encode(new ServerMessage.Delta(1, List.of(), null))).doesNotContain("fragment");
    }
}
