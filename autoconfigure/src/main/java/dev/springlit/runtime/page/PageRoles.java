package dev.springlit.runtime.page;

import java.util.Set;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

import dev.springlit.StreamlitPage;
import dev.springlit.User;

/**
 * The roles {@code @StreamlitPage(roles = …)} asks of a page's users: a user may open the page when it has any of
 * them. Read from the page bean's class (through any proxy), so the registry's descriptors stay as they are.
 */
public final class PageRoles {

    private PageRoles() {
    }

    /**
     * Each page class's roles, read once: every GET of a page and every sidebar asks for every page's roles, and
     * merging the annotation took a tenth of a page GET's time.
     */
    private static final ClassValue<Set<String>> ROLES = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> pageClass) {
            return read(pageClass);
        }
    };

    /** The roles the page names, each as an authority ({@code ROLE_ADMIN}); empty when it names none. */
    public static Set<String> of(PageDescriptor page) {
        return ROLES.get(ClassUtils.getUserClass(page.page().getClass()));
    }

    private static Set<String> read(Class<?> pageClass) {
        StreamlitPage annotation = AnnotatedElementUtils.findMergedAnnotation(pageClass, StreamlitPage.class);
        if (annotation == null || annotation.roles().length == 0) {
            return Set.of();
        }
        Set<String> roles = new java.util.LinkedHashSet<>();
        for (String role : annotation.roles()) {
            roles.add(role.startsWith("ROLE_") ? role : "ROLE_" + role);
        }
        return Set.copyOf(roles);
    }

    /** Whether {@code user} has one of the page's roles, or the page names none. */
    public static boolean allow(PageDescriptor page, User user) {
        Set<String> roles = of(page);
        if (roles.isEmpty()) {
            return true;
        }
        for (String role : roles) {
            if (user.hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
