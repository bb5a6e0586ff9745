package dev.springlit.runtime.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.springlit.element.Block;
import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.output.ServerMessage.Op;
import dev.springlit.runtime.output.ServerMessage.ReachedOp;
import dev.springlit.runtime.output.ServerMessage.SetOp;
import dev.springlit.runtime.output.ServerMessage.TrimOp;

/**
 * The session's copy of what its browser shows (a tree: root containers, elements, blocks with children),
 * and the changes not yet sent. Each element a run draws is compared with the one at the same path; only
 * differences become ops. A block that changes is redrawn empty in the browser, so its old children are
 * forgotten here too. Because the copy tracks what was sent (not what the last run drew), an interrupted run
 * followed by a new one still diffs correctly. Thread-safe: the run thread adds, the flusher drains.
 */
public final class PageOutput {

    /** Root containers: 0 is the main body, 1 the sidebar. */
    public static final int ROOTS = 2;

    private static final class Node {
        final Element element;
        final ArrayList<Node> children = new ArrayList<>(0);

        Node(Element element) {
            this.element = element;
        }
    }

    private final Node root = new Node(null);
    private List<Op> pending = new ArrayList<>();
    private Map<ElementPath, Integer> pendingIndex;
    /**
     * Per root, the last element a run drew there, equal to what was there or not, when not yet told (null: told).
     * Per root because a run draws into the body and the sidebar in turns.
     */
    private final ElementPath[] reached = new ElementPath[ROOTS];

    public PageOutput() {
        for (int i = 0; i < ROOTS; i++) {
            root.children.add(new Node(null));
        }
    }

    /**
     * Records that the run drew {@code element} as child {@code index} of the container at {@code container}
     * (a root index, then child indexes down to a block).
     */
    public synchronized void set(ElementPath container, int index, Element element) {
        Node parent = find(container);
        if (parent == null) {
            return; // the container's block was replaced meanwhile; its new children arrive with it
        }
        List<Node> children = parent.children;
        reached[container.root()] = container.child(index);
        if (index < children.size()) {
            Node existing = children.get(index);
            if (existing != null && element.equals(existing.element)) {
                return;
            }
            children.set(index, new Node(element));
        } else {
            while (children.size() < index) {
                children.add(null);
            }
            children.add(new Node(element));
        }
        queue(new SetOp(container.child(index), element));
    }

    /** Adds {@code element} after everything root {@code rootIndex} shows (a notice from outside any run). */
    public synchronized void append(int rootIndex, Element element) {
        set(ElementPath.root(rootIndex), root.children.get(rootIndex).children.size(), element);
    }

    /**
     * Replaces the block at {@code path} (a status whose label or state changed) and keeps what was drawn into
     * it: the browser redraws the block empty, so its children are sent again after it.
     */
    public synchronized void updateBlock(ElementPath path, Block block) {
        Node parent = find(path.parent());
        int index = path.last();
        if (parent == null || index >= parent.children.size() || parent.children.get(index) == null) {
            return;
        }
        Node old = parent.children.get(index);
        Node replacement = new Node(block);
        replacement.children.addAll(old.children);
        parent.children.set(index, replacement);
        queue(new SetOp(path, block));
        List<Op> subtree = new ArrayList<>();
        snapshot(replacement, path, subtree);
        pending.addAll(subtree);
        pendingIndex = null;
    }

    /** Drops what the browser shows past {@code length} in the container at {@code container}. */
    public synchronized void trim(ElementPath container, int length) {
        Node parent = find(container);
        if (parent == null || parent.children.size() <= length) {
            return;
        }
        parent.children.subList(length, parent.children.size()).clear();
        pending.add(new TrimOp(container, length));
        pendingIndex = null; // a set queued before the trim must not be moved after it
    }

    /** Whether the container at {@code path} is an {@code st.empty()} placeholder, which holds one element. */
    public synchronized boolean isPlaceholder(ElementPath path) {
        Node container = path.depth() > 1 ? find(path) : null;
        return container != null && container.element instanceof Block block && block.kind().equals("empty");
    }

    /** How many children the container at {@code path} shows (0 when it shows none or is gone). */
    public synchronized int length(ElementPath path) {
        Node container = find(path);
        return container == null ? 0 : container.children.size();
    }

    private Node find(ElementPath path) {
        Node node = root;
        for (int level = 0; level < path.depth(); level++) {
            int index = path.index(level);
            if (index >= node.children.size() || node.children.get(index) == null) {
                return null;
            }
            node = node.children.get(index);
        }
        return node;
    }

    /**
     * Takes the changes not yet sent. While the run goes on ({@code runEnding} false) they end with how far it
     * got in each root ({@link ReachedOp}) where it drew anything since: the browser shows what it has not
     * reached as stale.
     */
    public synchronized List<Op> drain(boolean runEnding) {
        for (int root = 0; root < ROOTS; root++) {
            if (reached[root] != null && !runEnding) {
                pending.add(new ReachedOp(reached[root]));
            }
            reached[root] = null;
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Op> ops = pending;
        pending = new ArrayList<>();
        pendingIndex = null;
        return ops;
    }

    /**
     * Forgets everything, sent or not: the browser shows something this copy never held (a tab taken over from
     * another node), so the next run's elements all differ from it and are all sent.
     */
    public synchronized void forget() {
        for (int i = 0; i < ROOTS; i++) {
            root.children.get(i).children.clear();
            reached[i] = null;
        }
        pending = new ArrayList<>();
        pendingIndex = null;
    }

    /** Everything the browser should show, as ops for a tab that starts from an empty page (parents first). */
    public synchronized List<Op> snapshot() {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < ROOTS; i++) {
            snapshot(root.children.get(i), ElementPath.root(i), ops);
        }
        return ops;
    }

    private static void snapshot(Node container, ElementPath path, List<Op> ops) {
        for (int i = 0; i < container.children.size(); i++) {
            Node child = container.children.get(i);
            if (child == null) {
                continue;
            }
            ElementPath childPath = path.child(i);
            ops.add(new SetOp(childPath, child.element));
            snapshot(child, childPath, ops);
        }
    }

    /** Two sets of the same position before a flush: only the last one is sent. */
    private void queue(SetOp op) {
        if (op.element() instanceof Block) {
            // a block shell clears its children in the browser: later ops must stay after it, never be merged before
            pending.add(op);
            pendingIndex = null;
            return;
        }
        ElementPath pathKey = op.path();
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
