package dev.springlit.demo;

import java.util.ArrayList;
import java.util.List;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * Streamlit's "Build a basic LLM chat app" tutorial in Java: the history lives in session state, the answer streams
 * from a model bean word by word, each answer gets a thumbs rating, and the sidebar clears the history. Clicking a
 * rating or asking again while an answer streams loses nothing and never asks the model twice.
 */
@StreamlitPage(path = "/chat", title = "Chat", icon = "💬", order = 31, section = "More")
class ChatPage implements Page {

    private final SessionState state;
    private final LocalChatModel model;

    ChatPage(SessionState state, LocalChatModel model) {
        this.state = state;
        this.model = model;
    }

    /** An answer's rating keeps its key while the history grows: its position in the history. */
    private static String feedbackKey(int position) {
        return "feedback-" + position;
    }

    @Override
    public void render(St st) {
        st.title("Chat");
        if (st.sidebar().button("Clear history")) {
            state.put("messages", new ArrayList<ChatTurn>());
            state.keys().stream().filter(key -> key.startsWith("feedback-")).forEach(state::remove);
        }
        state.setDefault("messages", new ArrayList<ChatTurn>());
        @SuppressWarnings("unchecked")
        List<ChatTurn> messages = new ArrayList<>((List<ChatTurn>) state.get("messages"));

        for (int i = 0; i < messages.size(); i++) {
            ChatTurn turn = messages.get(i);
            St message = st.chatMessage(turn.role());
            message.markdown(turn.content());
            if (turn.role().equals("assistant")) {
                String key = feedbackKey(i);
                message.feedback("thumbs", o -> o.key(key));
            }
        }

        String prompt = st.chatInput("What is up?");
        if (prompt != null) {
            messages.add(new ChatTurn("user", prompt));
            st.chatMessage("user").markdown(prompt);
            St reply = st.chatMessage("assistant");
            String answer = reply.writeStream(model.stream(messages));
            messages.add(new ChatTurn("assistant", answer));
            state.put("messages", messages);
            String key = feedbackKey(messages.size() - 1);
            reply.feedback("thumbs", o -> o.key(key));
        }
    }
}
