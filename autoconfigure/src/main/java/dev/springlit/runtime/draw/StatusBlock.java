package dev.springlit.runtime.draw;

import java.util.Locale;
import java.util.Map;

import dev.springlit.StatusContainer;
import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;

/**
 * What {@code st.status(label)} returns: an St drawing into the status block, which {@link #update} redraws in
 * place (label, state, open or not) while what was drawn into it stays. Only the run thread that drew it may use it.
 */
final class StatusBlock extends DeltaGenerator implements StatusContainer {

    StatusBlock(Owner session, ElementPath path, String form) {
        super(session, path, form);
    }

    @Override
    public void update(String label, State state, boolean expanded) {
        run();
        Map<String, Object> props = props("label", label, "state", state.name().toLowerCase(Locale.ROOT),
                "expanded", expanded);
        owner().updateBlock(path(), new Block("status", props));
    }
}
