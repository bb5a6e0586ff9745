package dev.springlit;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in user of this tab, as Spring Security knows it (Streamlit's {@code st.user}): read it with
 * {@link St#user()}. Anonymous visitors are not logged in; everything else comes from the login, whatever its kind
 * (form, basic, OAuth2, OpenID Connect, SAML): the name, the authorities and, for OpenID Connect, all claims of
 * the ID token and the user-info response.
 *
 * <pre>{@code
 * User user = st.user();
 * if (!user.isLoggedIn()) {
 *     st.button("Log in", b -> b.onClick(() -> st.login()));
 * } else {
 *     st.write("Hello, " + user.name() + "!");
 *     if (user.hasRole("ADMIN")) st.pageLink(AdminPage.class, "Administration", "🔑");
 * }
 * }</pre>
 *
 * A page tester runs a page as any user: {@code tester.as(User.of("alice", Set.of("ROLE_ADMIN"), Map.of()))}.
 */
public final class User implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final User ANONYMOUS = new User(null, Set.of(), Map.of());

    private final String username;
    private final Set<String> authorities;
    private final Map<String, Object> claims;

    private User(String username, Set<String> authorities, Map<String, Object> claims) {
        this.username = username;
        this.authorities = Collections.unmodifiableSet(new LinkedHashSet<>(authorities));
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /** The visitor who has not logged in. */
    public static User anonymous() {
        return ANONYMOUS;
    }

    /**
     * A logged-in user: {@code username} is Spring Security's principal name, {@code authorities} its granted
     * authorities ({@code "ROLE_ADMIN"}, {@code "SCOPE_profile"}), {@code claims} the OpenID Connect claims (empty
     * for other logins).
     */
    public static User of(String username, Set<String> authorities, Map<String, Object> claims) {
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("A logged-in user needs a name; use User.anonymous() for visitors.");
        }
        return new User(username, authorities == null ? Set.of() : authorities, claims == null ? Map.of() : claims);
    }

    /** Whether the tab's visitor has logged in. */
    public boolean isLoggedIn() {
        return username != null;
    }

    /** Spring Security's name of the user ({@code Authentication.getName()}, the OIDC subject), or null. */
    public String username() {
        return username;
    }

    /** Same as {@link #username()}, for {@link Principal}. */
    @Override
    public String getName() {
        return username;
    }

    /**
     * The name to greet the user with: the {@code name} claim of an OpenID Connect login, else the username;
     * null when not logged in.
     */
    public String name() {
        Object name = claims.get("name");
        return name instanceof String text && !text.isBlank() ? text : username;
    }

    /** The {@code email} claim or attribute of the login, if it has one. */
    public Optional<String> email() {
        return claim("email").map(String::valueOf);
    }

    /** One claim of an OpenID Connect login ({@code "sub"}, {@code "email_verified"}, …). */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    /** Every claim of an OpenID Connect login (ID token and user info), or the attributes of an OAuth2 login. */
    public Map<String, Object> claims() {
        return claims;
    }

    /** The granted authorities, as Spring Security writes them ({@code "ROLE_ADMIN"}, {@code "SCOPE_email"}). */
    public Set<String> authorities() {
        return authorities;
    }

    /** The roles: the authorities that start with {@code ROLE_}, without it ({@code "ADMIN"}). */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        for (String authority : authorities) {
            if (authority.startsWith("ROLE_")) {
                roles.add(authority.substring(5));
            }
        }
        return Collections.unmodifiableSet(roles);
    }

    /** Whether the user has {@code role} ({@code "ADMIN"} or {@code "ROLE_ADMIN"}). */
    public boolean hasRole(String role) {
        return authorities.contains(role.startsWith("ROLE_") ? role : "ROLE_" + role);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof User user && java.util.Objects.equals(username, user.username)
                && authorities.equals(user.authorities) && claims.equals(user.claims);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(username, authorities, claims);
    }

    /** Names the user and its roles, never its claims (they may hold personal data). */
    @Override
    public String toString() {
        return isLoggedIn() ? "User[" + username + ", roles=" + roles() + "]" : "User[not logged in]";
    }
}
