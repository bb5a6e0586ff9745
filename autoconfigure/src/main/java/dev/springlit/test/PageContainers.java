package dev.springlit.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;
import dev.springlit.element.WidgetKind;

/**
 * The page tester's views of containers (sidebar, forms, columns, tabs, expanders, containers): each is a
 * {@link PageTester} whose accessors read only what is under that container in the tester's tab.
 */
abstract class PageContainers extends PageWidgets {

    /** The container this view is limited to (root index first), or {@code null} for the main body. */
    abstract ElementPath scope();

    /** A view of the same tab limited to the container at {@code scope}. */
    abstract PageTester view(ElementPath scope);

    /** The blocks under root {@code root} of the tab by path, in document order. */
    abstract Map<ElementPath, Block> blocks(int root);

    /** The sidebar's elements and widgets. */
    public PageTester sidebar() {
        return view(ElementPath.SIDEBAR);
    }

    /** The form with this key. */
    public PageTester form(String key) {
        return scoped("form", b -> key.equals(b.prop("key")), "form with key \"" + key + "\"").get(0);
    }

    /** Every column, in page order (all rows of columns). */
    public List<PageTester> columns() {
        return scoped("column", b -> true, "column");
    }

    /** Every tab, in page order. */
    public List<PageTester> tabs() {
        return scoped("tab", b -> true, "tab");
    }

    /** The tab with this label. */
    public PageTester tab(String label) {
        return scoped("tab", b -> label.equals(b.prop("label")), "tab \"" + label + "\"").get(0);
    }

    /** The expander with this label. */
    public PageTester expander(String label) {
        return scoped("expander", b -> label.equals(b.prop("label")), "expander \"" + label + "\"").get(0);
    }

    /** Every container made with st.container(), in page order. */
    public List<PageTester> containers() {
        return scoped("container", b -> true, "container");
    }

    /** The fragment with this name ({@code st.fragment}); a click inside it reruns only the fragment. */
    public PageTester fragment(String name) {
        return scoped("fragment", b -> name.equals(b.prop("name")), "fragment \"" + name + "\"").get(0);
    }

    /** Whether the page shows a dialog now. */
    public boolean isDialogOpen() {
        return blocks(0).values().stream().anyMatch(b -> b.kind().equals("dialog"))
                || blocks(1).values().stream().anyMatch(b -> b.kind().equals("dialog"));
    }

    /** The dialog the page shows ({@code st.dialog}); at most one is open at a time. */
    public DialogElement dialog() {
        for (int rootIndex = 0; rootIndex < 2; rootIndex++) {
            for (Map.Entry<ElementPath, Block> block : blocks(rootIndex).entrySet()) {
                if (block.getValue().kind().equals("dialog")) {
                    return new DialogElement(tester(), block.getKey(), block.getValue());
                }
            }
        }
        throw new AssertionError("The page shows no dialog.");
    }

    /** Submits this form (the view of {@link #form(String)}) with its first submit button. */
    public PageTester submit() {
        List<WidgetElement> buttons = widgets().stream()
                .filter(w -> w.kind().equals(WidgetKind.FORM_SUBMIT_BUTTON.wireName())).toList();
        if (buttons.isEmpty()) {
            throw new AssertionError("There is no submit button here; the elements are " + elements());
        }
        return buttons.get(0).click();
    }

    private List<PageTester> scoped(String kind, Predicate<Block> match, String what) {
        List<PageTester> views = new ArrayList<>();
        for (int rootIndex = 0; rootIndex < 2; rootIndex++) {
            for (Map.Entry<ElementPath, Block> block : blocks(rootIndex).entrySet()) {
                if (block.getValue().kind().equals(kind) && match.test(block.getValue())
                        && (scope() == null ? rootIndex == 0 || kind.equals("form") || kind.equals("fragment")
                                : block.getKey().startsWith(scope()))) {
                    views.add(view(block.getKey()));
                }
            }
        }
        if (views.isEmpty()) {
            throw new AssertionError("The page has no " + what + ".");
        }
        return views;
    }
}
