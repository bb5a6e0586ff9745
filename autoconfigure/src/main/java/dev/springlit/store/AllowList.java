package dev.springlit.store;

import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import dev.springlit.support.LogText;

/**
 * The classes a snapshot may contain, checked by {@code ObjectInputStream} for every class descriptor before the
 * class is initialized or any of its code runs, together with the {@link SnapshotLimits}. JDK value types,
 * collections from {@code java.util}, Springlit's own value types, and the application packages given.
 */
final class AllowList implements ObjectInputFilter {

    /** Exact JDK and Springlit classes; supertypes that appear in streams (Number, Enum) included. */
    private static final Set<String> CLASSES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Character", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Number",
            "java.lang.Enum",
            // collections check their table sizes as arrays of these before allocating; neither is instantiable
            "java.lang.Object", "java.util.Map$Entry",
            "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.Arrays$ArrayList",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.EnumMap",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.EnumSet",
            "java.util.EnumSet$SerializationProxy", "java.util.RegularEnumSet", "java.util.JumboEnumSet",
            // List.of, Set.of, Map.of and their copies serialize through this proxy, which resolves to
            // java.util.ImmutableCollections$ListN & co. (allowed by name below)
            "java.util.CollSer",
            "java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet", "java.util.Collections$EmptyList",
            "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet", "java.util.Collections$SingletonList",
            "java.util.Collections$SingletonMap", "java.util.Collections$SingletonSet",
            "java.util.UUID", "java.util.Locale", "java.util.Currency", "java.util.Date",
            "dev.springlit.Range",
            SessionSnapshot.class.getName(), WidgetSnapshot.class.getName());

    /** Packages whose classes are all allowed: java.time's are values that serialize through java.time.Ser. */
    private static final List<String> JDK_PACKAGES = List.of("java.time.", "java.time.chrono.", "java.time.zone.");

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");

    /** Namespaces an application package may not open wholesale: they hold the known deserialization gadgets. */
    private static final List<String> FORBIDDEN = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.springframework.", "org.apache.", "com.fasterxml.", "tools.jackson.", "dev.springlit.");

    private final List<String> applicationPackages;
    private final SnapshotLimits limits;

    AllowList(List<String> applicationPackages, SnapshotLimits limits) {
        this.applicationPackages = applicationPackages.stream().map(AllowList::checkPackage).toList();
        this.limits = limits;
    }

    /** "com.example.shop" allows com.example.shop.Cart and com.example.shop.model.Item. */
    private static String checkPackage(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (!PACKAGE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + LogText.clean(trimmed) + "' is not a package name with at least "
                    + "two parts, such as com.example.shop; a broader entry would let stored data name any class.");
        }
        String prefix = trimmed + ".";
        for (String forbidden : FORBIDDEN) {
            if (prefix.startsWith(forbidden)) {
                throw new IllegalArgumentException("The package '" + trimmed + "' cannot be allowed for session "
                        + "data: its classes include deserialization gadgets. Allow your application's own packages.");
            }
        }
        return prefix;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        return refusal(info) == null ? Status.ALLOWED : Status.REJECTED;
    }

    /** Why {@code info} is refused, fit for a log line, or {@code null} when it is allowed. */
    String refusal(FilterInfo info) {
        if (info.depth() > limits.maxDepth()) {
            return "nested deeper than " + limits.maxDepth() + " levels";
        }
        if (info.references() > limits.maxReferences()) {
            return "more than " + limits.maxReferences() + " objects";
        }
        if (info.streamBytes() > limits.maxBytes()) {
            return "longer than " + limits.maxBytes() + " bytes";
        }
        if (info.arrayLength() > limits.maxArrayLength()) {
            return "an array of " + info.arrayLength() + " elements, more than " + limits.maxArrayLength();
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return null;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || allows(type.getName())) {
            return null;
        }
        return "the class " + LogText.clean(type.getName()) + " is not in the allow-list (JDK value types, java.util "
                + "collections, Springlit's values and streamlit.session.allowed-packages)";
    }

    boolean allows(String className) {
        if (CLASSES.contains(className)) {
            return true;
        }
        if (className.startsWith("java.util.ImmutableCollections$")) {
            return true;
        }
        for (String prefix : JDK_PACKAGES) {
            if (className.startsWith(prefix) && className.indexOf('.', prefix.length()) < 0) {
                return true;
            }
        }
        for (String prefix : applicationPackages) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
