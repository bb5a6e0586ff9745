package dev.springlit.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.springlit.element.Element;
import dev.springlit.runtime.ServerMessage.Op;
import dev.springlit.runtime.ServerMessage.SetOp;
import dev.springlit.runtime.ServerMessage.TrimOp;

/**
 * The session's copy of what its browser shows, and the changes not yet sent. Each element a run draws is
 * compared with the one at the same position; only differences become ops. Because the copy tracks what
 * was sent (not what the last run drew), an interrupted run followed by a new one still diffs correctly.
 * Thread-safe: the run thread adds, the flusher drains.
 */
final class PageOutput {

    /** Root containers: 0 is the main body, 1 the sidebar. */
    static final int ROOTS = 2;

    private final List<List<Element>> roots = new ArrayList<>(ROOTS);
    private List<Op> pending = new ArrayList<>();
    private Map<String, Integer> pendingIndex;

    PageOutput() {
        for (int i = 0; i < ROOTS; i++) {
            roots.add(new ArrayList<>());
        }
    }

    /** Records that the run drew {@code element} at {@code index} of root {@code root}. */
    synchronized void set(int root, int index, Element element) {
        List<Element> children = roots.get(root);
        if (index < children.size()) {
            if (children.get(index).equals(element)) {
                return;
            }
            children.set(index, element);
        } else {
            while (children.size() < index) {
                children.add(null);
            }
            children.add(element);
        }
        queue(new SetOp(new int[] {root, index}, element));
    }

    /** Drops what the browser shows past {@code length} in root {@code root}. */
    synchronized void trim(int root, int length) {
        List<Element> children = roots.get(root);
        if (children.size() <= length) {
            return;
        }
        children.subList(length, children.size()).clear();
        pending.add(new TrimOp(new int[] {root}, length));
        pendingIndex = null; // a set queued before the trim must not be moved after it
    }

    /** Takes the changes not yet sent. */
    synchronized List<Op> drain() {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Op> ops = pending;
        pending = new ArrayList<>();
        pendingIndex = null;
        return ops;
    }

    /** Everything the browser should show, as ops for a tab that starts from an empty page. */
    synchronized List<Op> snapshot() {
        List<Op> ops = new ArrayList<>();
        for (int root = 0; root < ROOTS; root++) {
            List<Element> children = roots.get(root);
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i) != null) {
                    ops.add(new SetOp(new int[] {root, i}, children.get(i)));
                }
            }
        }
        return ops;
    }

    /** The elements now at root {@code root}, for tests and the page tester. */
    synchronized List<Element> elements(int root) {
        return List.copyOf(roots.get(root).stream().filter(e -> e != null).toList());
    }

    /** Two sets of the same position before a flush: only the last one is sent. */
    private void queue(SetOp op) {
        String pathKey = op.path()[0] + "/" + op.path()[1];
        if (pendingIndex == null) {
            pendingIndex = new HashMap<>();
        }
        Integer earlier = pendingIndex.get(pathKey);
        if (earlier != null && pending.get(earlier) instanceof SetOp) {
            pending.set(earlier, op);
        } else {
            pendingIndex.put(pathKey, pending.size());
            pending.add(op);
        }
    }
}
