package dev.springlit;

/**
 * A container that shows the state of a longer task ({@code st.status}): a spinner while it runs, a check
 * mark or a cross when done, and whatever the page draws into it.
 *
 * <pre>{@code
 * StatusContainer status = st.status("Downloading data…");
 * status.write("Searching for data…");
 * status.update("Download complete!", StatusContainer.State.COMPLETE, false);
 * }</pre>
 */
public interface StatusContainer extends St {

    /** The states a status shows. */
    enum State {
        RUNNING, COMPLETE, ERROR
    }

    /** Changes the label, the state and whether it is open; what was drawn into it stays. */
    void update(String label, State state, boolean expanded);
}
