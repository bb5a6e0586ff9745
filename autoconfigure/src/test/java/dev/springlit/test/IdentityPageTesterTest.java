package dev.springlit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.Context;
import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;
import dev.springlit.User;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.run.RuntimeSettings;
import dev.springlit.runtime.SpringlitEngine;

/** S12 through the page tester: st.context(), st.user(), login and logout, page roles. */
class IdentityPageTesterTest {

    private static final User ALICE = User.of("alice", new java.util.LinkedHashSet<>(List.of("ROLE_USER", "ROLE_ADMIN", "SCOPE_email")),
            Map.of("name", "Alice Liddell", "email", "alice@example.org", "email_verified", true));
    private static final User BOB = User.of("bob", Set.of("ROLE_USER"), Map.of());

    @Test
    void s12_1_contextShowsTheBrowsersLocaleTimeZoneAndThemeAndTheHandshakesHeaders() {
        try (PageTester tester = PageTester.of(st -> {
            Context context = st.context();
            st.write("locale=" + context.locale().toLanguageTag() + " all=" + context.locales());
            st.write("zone=" + context.timeZone() + " offset=" + context.timeZoneOffset());
            st.write("theme=" + context.theme() + " url=" + context.url());
            st.write("agent=" + context.header("USER-AGENT").orElse("?") + " pragma=" + context.headerValues("pragma"));
        })) {
            tester.withLocale(Locale.forLanguageTag("fr-CA"), Locale.FRENCH).withTimeZone(ZoneId.of("Asia/Kolkata"))
                    .withTheme("dark").withHeader("User-Agent", "Test/1.0").withHeader("Pragma", "a")
                    .withHeader("pragma", "b").run();
            assertThat(tester.markdown(0).value()).isEqualTo("locale=fr-CA all=[fr_CA, fr]");
            assertThat(tester.markdown(1).value()).isEqualTo("zone=Asia/Kolkata offset=+05:30");
            assertThat(tester.markdown(2).value()).isEqualTo("theme=dark url=http://localhost/");
            assertThat(tester.markdown(3).value()).isEqualTo("agent=Test/1.0 pragma=[a, b]");

            tester.withTimeZone(ZoneId.of("America/Sao_Paulo")).run();
            assertThat(tester.markdown(1).value()).startsWith("zone=America/Sao_Paulo offset=-0");
        }
    }

    @Test
    void s12_1_headersAndCookiesLeaveOutCredentialsUnlessAskedForByName() {
        try (PageTester tester = PageTester.of(st -> {
            Context context = st.context();
            st.write("headers=" + context.headers().keySet());
            st.write("cookies=" + context.cookies());
            st.write("asked=" + context.header("Authorization").orElse("-") + " " + context.cookie("JSESSIONID").orElse("-"));
        })) {
            tester.withHeader("Authorization", "Bearer secret-token").withHeader("Cookie", "JSESSIONID=abc; theme=blue")
                    .withHeader("Proxy-Authorization", "Basic x").withHeader("Accept", "text/html")
                    .withCookie("JSESSIONID", "abc").withCookie("theme", "blue").run();
            assertThat(tester.markdown(0).value()).isEqualTo("headers=[accept]");
            assertThat(tester.markdown(1).value()).isEqualTo("cookies={theme=blue}");
            assertThat(tester.markdown(2).value()).isEqualTo("asked=Bearer secret-token abc");
        }
    }

    @Test
    void s12_1_contextIsReadOnly() {
        try (PageTester tester = PageTester.of(st -> {
            Context context = st.context();
            try {
                context.headers().put("x", "y");
                st.write("headers changed");
            } catch (UnsupportedOperationException e) {
                st.write("headers read-only");
            }
            try {
                context.cookies().clear();
                st.write("cookies changed");
            } catch (UnsupportedOperationException e) {
                st.write("cookies read-only");
            }
            try {
                context.locales().add(Locale.GERMAN);
                st.write("locales changed");
            } catch (UnsupportedOperationException e) {
                st.write("locales read-only");
            }
        })) {
            tester.withHeader("X-A", "1").withCookie("c", "1").run();
            assertThat(tester.markdown(0).value()).isEqualTo("headers read-only");
            assertThat(tester.markdown(1).value()).isEqualTo("cookies read-only");
            assertThat(tester.markdown(2).value()).isEqualTo("locales read-only");
        }
    }

    @Test
    void s12_2_anAnonymousVisitorIsNotLoggedIn() {
        try (PageTester tester = PageTester.of(st -> {
            User user = st.user();
            st.write("logged in=" + user.isLoggedIn() + " name=" + user.name() + " email=" + user.email().orElse("-")
                    + " roles=" + user.roles());
        })) {
            tester.run();
            assertThat(tester.markdown(0).value()).isEqualTo("logged in=false name=null email=- roles=[]");
        }
    }

    @Test
    void s12_2_userShowsNameEmailClaimsAndRolesOfTheTabsUser() {
        try (PageTester tester = PageTester.of(st -> {
            User user = st.user();
            st.write("logged in=" + user.isLoggedIn() + " username=" + user.username() + " name=" + user.name()
                    + " email=" + user.email().orElse("-"));
            st.write("roles=" + user.roles() + " admin=" + user.hasRole("ADMIN") + " verified="
                    + user.claim("email_verified").orElse(false));
        })) {
            tester.as(ALICE).run();
            assertThat(tester.markdown(0).value())
                    .isEqualTo("logged in=true username=alice name=Alice Liddell email=alice@example.org");
            assertThat(tester.markdown(1).value()).isEqualTo("roles=[USER, ADMIN] admin=true verified=true");
            try (PageTester other = tester.newTab()) {
                other.as(BOB).run();
                assertThat(other.markdown(0).value()).isEqualTo("logged in=true username=bob name=bob email=-");
            }
        }
    }

    @Test
    void s12_3_aSessionNeverChangesUsers() {
        try (PageTester tester = PageTester.of(st -> st.write("hi " + st.user().name()))) {
            tester.as(ALICE).run();
            assertThatThrownBy(() -> tester.as(BOB)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("A session never changes users");
            tester.run();
            assertThat(tester.markdown(0).value()).isEqualTo("hi Alice Liddell");
        }
    }

    @Test
    void s12_3_loginSendsTheTabToTheLoginAndBackToThisPageWithItsQuery() {
        try (PageTester tester = PageTester.of(st -> {
            st.queryParams().set("tab", "2");
            if (st.button("Log in")) {
                st.login();
            }
            if (st.button("Log in with GitHub")) {
                st.login("github");
            }
            st.write("after login");
        })) {
            tester.run();
            assertThat(tester.redirect()).isEmpty();
            tester.button("Log in").click().run();
            assertThat(tester.redirect()).contains("GET /_springlit/login?page=%2F%3Ftab%3D2");
            tester.run(); // a cancelled login comes back to the same session: the page draws again
            assertThat(tester.markdown(0).value()).isEqualTo("after login");
            tester.button("Log in with GitHub").click().run();
            assertThat(tester.redirect()).contains("GET /_springlit/login?page=%2F%3Ftab%3D2&registration=github");
        }
    }

    @Test
    void s12_3_logoutPostsTheAppsLogoutForm() {
        try (PageTester tester = PageTester.of(st -> {
            if (st.button("Log out")) {
                st.logout();
            }
            st.write("still here");
        })) {
            tester.as(ALICE).run();
            tester.button("Log out").click().run();
            assertThat(tester.redirect()).contains("POST /logout");
        }
    }

    @StreamlitPage(path = "/", title = "Home")
    static class HomePage implements Page {
        @Override
        public void render(St st) {
            st.write("home of " + st.user().name());
            if (st.button("Admin")) {
                st.switchPage(AdminPage.class);
            }
        }
    }

    @StreamlitPage(path = "/admin", title = "Admin", roles = "ADMIN")
    static class AdminPage implements Page {
        @Override
        public void render(St st) {
            st.title("Administration");
        }
    }

    private static PageTester twoPages() {
        PageDescriptor home = new PageDescriptor("/", "Home", "", 0, "home", new HomePage());
        PageDescriptor admin = new PageDescriptor("/admin", "Admin", "", 1, "admin", new AdminPage());
        SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(home, admin)), RuntimeSettings.defaults(),
                JsonMapper.builder().build());
        return new PageTester(engine, home, engine);
    }

    @Test
    void s12_4_aPagesRolesRefuseSwitchPageToOthersAndAdmitItsRole() {
        try (PageTester tester = twoPages()) {
            tester.as(BOB).run();
            tester.button("Admin").click().run();
            assertThat(tester.exceptions()).singleElement().extracting(ExceptionInfo::message).asString()
                    .contains("switchPage(): you may not open /admin.");
            assertThat(tester.markdown(0).value()).isEqualTo("home of bob");
        }
        try (PageTester tester = twoPages()) {
            tester.as(ALICE).run();
            tester.button("Admin").click().run();
            assertThat(tester.title(0).value()).isEqualTo("Administration");
        }
        try (PageTester tester = twoPages()) {
            tester.run(); // anonymous
            tester.button("Admin").click().run();
            assertThat(tester.exceptions()).hasSize(1);
        }
    }
}
