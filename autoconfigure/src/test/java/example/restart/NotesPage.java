package example.restart;

import java.util.ArrayList;
import java.util.List;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** Keeps a list of {@link Note}s in the session: "Add" appends one. */
@StreamlitPage(path = "/", title = "Notes")
public class NotesPage implements Page {

    private final SessionState state;

    public NotesPage(SessionState state) {
        this.state = state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void render(St st) {
        state.setDefault("notes", new ArrayList<Note>());
        if (st.button("Add")) {
            List<Note> notes = new ArrayList<>((List<Note>) state.get("notes"));
            notes.add(new Note("note " + (notes.size() + 1)));
            state.put("notes", notes);
        }
        st.text("notes=" + ((List<Note>) state.get("notes")).size());
    }
}
