package dev.springlit.element;

import java.util.Arrays;

/**
 * Where an element sits in a page: the root container (0 the main body, 1 the sidebar), then the index of each
 * block down to the element. Immutable; equal paths are equal values, so a path can key a map.
 *
 * <pre>{@code
 * ElementPath firstColumn = ElementPath.MAIN.child(2).child(0); // [0, 2, 0]
 * }</pre>
 */
public final class ElementPath implements Comparable<ElementPath> {

    /** The main body's root container. */
    public static final ElementPath MAIN = new ElementPath(new int[] {0});

    /** The sidebar's root container. */
    public static final ElementPath SIDEBAR = new ElementPath(new int[] {1});

    private final int[] indexes;

    private ElementPath(int[] indexes) {
        this.indexes = indexes;
    }

    /** The root container {@code index} (0 the main body, 1 the sidebar). */
    public static ElementPath root(int index) {
        return index == 0 ? MAIN : index == 1 ? SIDEBAR : of(index);
    }

    /** A path from its indexes, root first; at least one, none negative. */
    public static ElementPath of(int... indexes) {
        if (indexes.length == 0) {
            throw new IllegalArgumentException("A path has at least its root index");
        }
        for (int index : indexes) {
            if (index < 0) {
                throw new IllegalArgumentException("A path has no negative index: " + Arrays.toString(indexes));
            }
        }
        return new ElementPath(indexes.clone());
    }

    /** The path of child {@code index} of the container here. */
    public ElementPath child(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("A child index is not negative: " + index);
        }
        int[] child = Arrays.copyOf(indexes, indexes.length + 1);
        child[indexes.length] = index;
        return new ElementPath(child);
    }

    /** The path of the container holding this element; a root has none. */
    public ElementPath parent() {
        if (indexes.length == 1) {
            throw new IllegalStateException("The root " + this + " has no parent");
        }
        return new ElementPath(Arrays.copyOf(indexes, indexes.length - 1));
    }

    /** The root container's index. */
    public int root() {
        return indexes[0];
    }

    /** This element's index in its container (the root index for a root). */
    public int last() {
        return indexes[indexes.length - 1];
    }

    /** How many indexes the path has: 1 for a root. */
    public int depth() {
        return indexes.length;
    }

    /** Index {@code level} of the path, 0 being the root. */
    public int index(int level) {
        return indexes[level];
    }

    /** Whether this path is {@code prefix} or lies under it. */
    public boolean startsWith(ElementPath prefix) {
        return prefix.indexes.length <= indexes.length
                && Arrays.equals(indexes, 0, prefix.indexes.length, prefix.indexes, 0, prefix.indexes.length);
    }

    /** Document order: a container before what it holds, earlier siblings first. */
    @Override
    public int compareTo(ElementPath other) {
        return Arrays.compare(indexes, other.indexes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ElementPath path && Arrays.equals(indexes, path.indexes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indexes);
    }

    /** As the protocol writes it: {@code [0, 2, 0]}. */
    @Override
    public String toString() {
        return Arrays.toString(indexes);
    }
}
