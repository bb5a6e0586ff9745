package dev.springlit.runtime.draw;

import dev.springlit.St;

/** Where the runtime gets an {@code St}: a session's main body, and the body of a fragment a fragment run reruns. */
public final class StFactory {

    private StFactory() {
    }

    /** The St of {@code owner}'s main body (what {@code render(st)} gets). */
    public static St main(Owner owner) {
        return new DeltaGenerator(owner, 0);
    }

    /** The St a fragment's body draws into when a fragment run executes it again, alone (S10.1). */
    public static St inside(St main, FragmentDef fragment) {
        return new DeltaGenerator(((DeltaGenerator) main).owner(), fragment.path(), fragment.form());
    }
}
