package dev.springlit.demo;

import java.util.ArrayList;
import java.util.List;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/** A small to-do list: the form empties itself after each submit ({@code clearOnSubmit}). */
@StreamlitPage(path = "/form-clear", title = "Form that clears", icon = "🧹", order = 11, section = "Widgets")
class FormClearPage implements Page {

    private final SessionState state;

    FormClearPage(SessionState state) {
        this.state = state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void render(St st) {
        st.title("To-do list");
        List<String> todos = state.setDefault("todos", new ArrayList<String>());
        st.form("add_todo", o -> o.clearOnSubmit(true), form -> {
            String item = form.textInput("New item", o -> o.placeholder("What needs doing?"));
            if (form.formSubmitButton("Add") && !item.isBlank()) {
                todos.add(item.strip());
            }
        });
        if (todos.isEmpty()) {
            st.caption("Nothing to do yet.");
        }
        for (int i = 0; i < todos.size(); i++) {
            st.write((i + 1) + ".", todos.get(i));
        }
    }
}
