package dev.springlit.web.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.element.ElementPath;
import dev.springlit.runtime.SessionOpening;
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

    /** {@code shell} with {@code run} spliced in (the shell is the cached one: it is not changed). */
    String splice(String shell, SessionOpening.FirstRun run) {
        StringBuilder head = new StringBuilder(256);
        head.append("<meta name=\"").append(TOKEN_META).append("\" content=\"").append(run.token()).append("\">\n");
        String[] rootsHtml = {"", ""};
        if (run.run() > 0) {
            List<Map<String, Object>> ops = new ArrayList<>();
            Node[] roots = tree(run.ops(), ops);
            rootsHtml[0] = roots[0].childrenHtml();
            rootsHtml[1] = roots[1].childrenHtml();
            // the delta the socket would have sent, each element rendered once for both; "<" escaped inside its
            // strings, so no "</script>" in page output can end the block early
            Map<String, Object> delta = new LinkedHashMap<>();
            delta.put("type", "delta");
            delta.put("run", run.run());
            delta.put("ops", ops);
            delta.put("status", RunStatus.OK.wireName());
            head.append("<script type=\"application/json\" id=\"").append(RUN_BLOCK).append("\">")
                    .append(JSON.writeValueAsString(delta).replace("<", "\\u003c")).append("</script>\n");
        }
        // every place is found in the template's own markup before anything is inserted (page output could hold
        // the same text), then the pieces are put together in document order
        int headEnd = shell.indexOf("</head>");
        int sidebar = afterStartTag(shell, "data-sl-root=\"1\"");
        int main = afterStartTag(shell, "data-sl-root=\"0\"");
        if (headEnd < 0 || sidebar < headEnd || main < sidebar) {
            return shell; // not the template this class knows: the page still works from the socket
        }
        if (run.run() <= 0) {
            return shell.substring(0, headEnd) + head + shell.substring(headEnd);
        }
        // inert until the tab is attached: a click before the client can send it would be lost (and a test's
        // click, which waits for an element that takes events, waits for that)
        return shell.substring(0, headEnd) + head + shell.substring(headEnd, sidebar - 1) + INERT + rootsHtml[1]
                + shell.substring(sidebar, main - 1) + INERT + rootsHtml[0] + shell.substring(main);
    }

    /** The index right after the start tag holding {@code marker}, or -1. */
    private static int afterStartTag(String html, String marker) {
        int at = html.indexOf(marker);
        int close = at < 0 ? -1 : html.indexOf('>', at);
        return close < 0 ? -1 : close + 1;
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
