package dev.springlit.runtime.widget;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

import dev.springlit.Callback;
import dev.springlit.CallbackArgs;
import dev.springlit.element.WidgetKind;

/**
 * A widget as drawn: its identity (key, or kind + label + identity parameters + page), how its value is
 * stored and read back, and its callback.
 *
 * @param kind              which widget
 * @param label             the label (part of the identity of an unkeyed widget)
 * @param key               the user's key or {@code null}
 * @param identity          further parameters that make an unkeyed widget distinct (default, min, max, ...)
 * @param defaultValue      the value when nothing else applies
 * @param explicitDefault   whether the page gave the default itself (S4.7 warns only then)
 * @param trigger           true only in the run its click causes (buttons)
 * @param stateSettable     whether code may set its value through state (not buttons, uploads; S4.6)
 * @param callback          onClick/onChange, or {@code null}
 * @param args              the callback's arguments
 * @param decoder           reads the browser's value; {@code null} for triggers
 */
public record WidgetSpec(WidgetKind kind, String label, String key, Object[] identity, Object defaultValue,
                  boolean explicitDefault, boolean trigger, boolean stateSettable, Callback callback,
                  CallbackArgs args, ValueDecoder decoder) {

    /** The id the browser sends back: the key alone when there is one (S4.1), else a hash of the identity. */
    public String id(String pagePath, String form) {
        if (key != null) {
            return "$$k:" + key;
        }
        String identityText = identityText(pagePath, form);
        if (identityText.length() > MAX_REMEMBERED_IDENTITY) {
            return "$$w:" + kind + ":" + hash(identityText);
        }
        String id = IDS.get(identityText);
        if (id == null) {
            id = "$$w:" + kind + ":" + hash(identityText);
            if (IDS.size() >= MAX_REMEMBERED_IDS) {
                IDS.clear();
            }
            IDS.put(identityText, id);
        }
        return id;
    }

    /**
     * What the id hashes: kind, label, the identity parameters as {@link Arrays#deepToString} writes them, form and page,
     * apart by NUL. The text must stay exactly this (ids are kept by browsers and session stores across restarts); it
     * is built in one buffer because it is built for every unkeyed widget on every run.
     */
    private String identityText(String pagePath, String form) {
        StringBuilder text = new StringBuilder(64 + (label == null ? 4 : label.length())
                + (pagePath == null ? 4 : pagePath.length()) + 16 * (identity == null ? 1 : identity.length));
        text.append(kind).append('\u0000').append(label).append('\u0000');
        if (identity == null || holdsArray(identity)) {
            text.append(Arrays.deepToString(identity));
        } else {
            text.append('[');
            for (int i = 0; i < identity.length; i++) {
                text.append(i == 0 ? "" : ", ").append(identity[i]);
            }
            text.append(']');
        }
        return text.append('\u0000').append(form).append('\u0000').append(pagePath).toString();
    }

    private static boolean holdsArray(Object[] parts) {
        for (Object part : parts) {
            if (part != null && part.getClass().isArray()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ids already hashed, by identity: a page draws the same widgets on every run, and hashing each unkeyed widget's
     * identity again was a sixth of a counter click's page time. Short identities only, so the memory stays small.
     */
    private static final Map<String, String> IDS = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED_IDS = 4096;
    private static final int MAX_REMEMBERED_IDENTITY = 512;

    /** One digest per thread: looking one up costs more than hashing a widget's identity. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private static String hash(String text) {
        byte[] digest = SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 12);
    }
}
