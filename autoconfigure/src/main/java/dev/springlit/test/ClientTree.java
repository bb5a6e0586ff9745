package dev.springlit.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.springlit.element.Block;
import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.output.ServerMessage;

/**
 * The page as the tester's tab shows it, built only from the ops the server sends, the way the browser builds
 * its DOM (and Phoenix LiveView's test client its tree): a set puts an element at a path, a new block arriving
 * empty; a trim cuts a container's children. Not thread-safe: its {@link TesterTab} guards it.
 */
final class ClientTree {

    /** Root containers: 0 is the main body, 1 the sidebar. */
    static final int ROOTS = 2;

    private static final class Node {
        final Element element;
        final List<Node> children = new ArrayList<>(0);

        Node(Element element) {
            this.element = element;
        }
    }

    private final Node root = new Node(null);

    ClientTree() {
        clear();
    }

    /** An empty page (a session's answer with {@code reset}). */
    void clear() {
        root.children.clear();
        for (int i = 0; i < ROOTS; i++) {
            root.children.add(new Node(null));
        }
    }

    /** Applies one op; false (changing nothing) when it addresses a container the tab does not have. */
    boolean apply(ServerMessage.Op op) {
        if (op instanceof ServerMessage.SetOp set) {
            return put(set.path(), set.element());
        }
        if (op instanceof ServerMessage.ReachedOp) {
            return true; // how far a running run got: the browser's stale marks, nothing to keep here
        }
        ServerMessage.TrimOp trim = (ServerMessage.TrimOp) op;
        Node container = find(trim.path());
        if (container == null) {
            return false;
        }
        if (container.children.size() > trim.length()) {
            container.children.subList(trim.length(), container.children.size()).clear();
        }
        return true;
    }

    private boolean put(ElementPath path, Element element) {
        Node parent = path.depth() == 1 ? null : find(path.parent());
        if (parent == null) {
            return false;
        }
        int index = path.last();
        while (parent.children.size() <= index) {
            parent.children.add(null);
        }
        parent.children.set(index, new Node(element));
        return true;
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

    /** The elements under the container at {@code path} (root index first), depth first in document order. */
    List<Element> elementsUnder(ElementPath path) {
        List<Element> out = new ArrayList<>();
        Node container = find(path);
        if (container != null) {
            collect(container, out);
        }
        return out;
    }

    private static void collect(Node container, List<Element> out) {
        for (Node child : container.children) {
            if (child != null) {
                out.add(child.element);
                collect(child, out);
            }
        }
    }

    /** The path of every block under root {@code rootIndex}, in document order, with the block itself. */
    Map<ElementPath, Block> blocks(int rootIndex) {
        Map<ElementPath, Block> out = new LinkedHashMap<>();
        blocks(root.children.get(rootIndex), ElementPath.root(rootIndex), out);
        return out;
    }

    private static void blocks(Node container, ElementPath path, Map<ElementPath, Block> out) {
        for (int i = 0; i < container.children.size(); i++) {
            Node child = container.children.get(i);
            if (child != null && child.element instanceof Block block) {
                ElementPath childPath = path.child(i);
                out.put(childPath, block);
                blocks(child, childPath, out);
            }
        }
    }
}
