package dev.springlit.web.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.element.ElementPath;
import dev.springlit.runtime.session.SessionOpening;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;

/**
 * A page's shell with a pending session's first run in it (the server-rendered first page): the run's elements as
 * HTML inside the main body and the sidebar, so the page shows before any script runs (and without scripts at
 * all); the same run as a {@code delta} in a JSON data block, from which the client builds its tree exactly as from
 * the socket; and the adoption token its {@code hello} carries ({@code adopt}) to attach to that session without a
 * second run. A run that did not end in time leaves the body empty and only the token goes in.
 */
final class FirstRunShell {

    /** Where the client finds the token and the run (springlit.js reads both before it connects). */
    static final String TOKEN_META = "springlit-adopt";
    static final String RUN_BLOCK = "sl-first-run";
    private static final String PLACEHOLDER = "<div class=\"sl-el sl-placeholder\"></div>";
    private static final String CHILDREN = "data-sl-children";
    private static final String INERT = " inert>";

    /** Strings and numbers only: no application customisation applies. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ElementRenderer renderer;

    FirstRunShell(ElementRenderer renderer) {
        this.renderer = renderer;
    }

    /** {@code shell} with {@code run} spliced in, as the bytes to send (the shell is the cached one: it is not changed). */
    byte[] splice(ShellBytes shell, SessionOpening.FirstRun run) {
        if (!shell.takesFirstRun()) {
            return shell.utf8(); // not the template this class knows: the page still works from the socket
        }
        StringBuilder head = new StringBuilder(256);
        head.append("<meta name=\"").append(TOKEN_META).append("\" content=\"").append(run.token()).append("\">\n");
        byte[] html = shell.utf8();
        if (run.run() <= 0) {
            return new Pieces(3).add(html, 0, shell.headEnd()).add(head).add(html, shell.headEnd(), html.length).join();
        }
        List<Map<String, Object>> ops = new ArrayList<>();
        Node[] roots = tree(run.ops(), ops);
        // the delta the socket would have sent, each element rendered once for both; "<" escaped inside its strings,
        // so no "</script>" in page output can end the block early
        Map<String, Object> delta = new LinkedHashMap<>();
        delta.put("type", "delta");
        delta.put("run", run.run());
        delta.put("ops", ops);
        delta.put("status", RunStatus.OK.wireName());
        head.append("<script type=\"application/json\" id=\"").append(RUN_BLOCK).append("\">")
                .append(JSON.writeValueAsString(delta).replace("<", "\\u003c")).append("</script>\n");
        // inert until the tab is attached: a click before the client can send it would be lost (and a test's
        // click, which waits for an element that takes events, waits for that)
        return new Pieces(9)
                .add(html, 0, shell.headEnd()).add(head)
                .add(html, shell.headEnd(), shell.sidebarTagEnd()).add(INERT).add(roots[1].childrenHtml())
                .add(html, shell.sidebarTagEnd() + 1, shell.mainTagEnd()).add(INERT).add(roots[0].childrenHtml())
                .add(html, shell.mainTagEnd() + 1, html.length)
                .join();
    }

    /** The parts of a response body, joined into one array of exactly their size. */
    private static final class Pieces {
        private final List<byte[]> arrays;
        private final int[] from;
        private final int[] to;
        private int count;
        private int size;

        Pieces(int capacity) {
            arrays = new ArrayList<>(capacity);
            from = new int[capacity];
            to = new int[capacity];
        }

        Pieces add(byte[] bytes, int start, int end) {
            arrays.add(bytes);
            from[count] = start;
            to[count] = end;
            count++;
            size += end - start;
            return this;
        }

        Pieces add(CharSequence text) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            return add(bytes, 0, bytes.length);
        }

        byte[] join() {
            byte[] all = new byte[size];
            int at = 0;
            for (int i = 0; i < count; i++) {
                System.arraycopy(arrays.get(i), from[i], all, at, to[i] - from[i]);
                at += to[i] - from[i];
            }
            return all;
        }
    }

    /**
     * The containers' elements, parents first as a snapshot lists them, each rendered once; {@code json} gets each
     * as a {@code set} op.
     */
    private Node[] tree(List<ServerMessage.Op> ops, List<Map<String, Object>> json) {
        Node[] roots = {new Node(null), new Node(null)};
        for (ServerMessage.Op op : ops) {
            if (!(op instanceof ServerMessage.SetOp set) || set.path().depth() < 2 || set.path().root() > 1) {
                continue;
            }
            ElementPath path = set.path();
            Node parent = roots[path.root()];
            for (int level = 1; level < path.depth() - 1 && parent != null; level++) {
                int index = path.index(level);
                parent = index < parent.children.size() ? parent.children.get(index) : null;
            }
            if (parent != null) {
                String html = renderer.render(set.element());
                parent.put(path.last(), new Node(html));
                Map<String, Object> setOp = new LinkedHashMap<>();
                setOp.put("op", "set");
                int[] indexes = new int[path.depth()];
                for (int level = 0; level < indexes.length; level++) {
                    indexes[level] = path.index(level);
                }
                setOp.put("path", indexes);
                setOp.put("html", html);
                json.add(setOp);
            }
        }
        return roots;
    }

    private static final class Node {
        final String html;
        final List<Node> children = new ArrayList<>();

        Node(String html) {
            this.html = html;
        }

        void put(int index, Node child) {
            while (children.size() <= index) {
                children.add(null);
            }
            children.set(index, child);
        }

        String childrenHtml() {
            StringBuilder out = new StringBuilder();
            for (Node child : children) {
                out.append(child == null ? PLACEHOLDER : child.withChildren());
            }
            return out.toString();
        }

        /** Its HTML with its children inside its first {@code data-sl-children} element, as the client puts them. */
        String withChildren() {
            if (children.isEmpty()) {
                return html;
            }
            String inner = childrenHtml();
            int at = html.indexOf(CHILDREN);
            int close = at < 0 ? -1 : html.indexOf('>', at);
            return close < 0 ? html : html.substring(0, close + 1) + inner + html.substring(close + 1);
        }
    }
}
