package dev.springlit.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.page.PageRoles;

/**
 * The startup check of page roles against the HTTP rules: a page whose {@code @StreamlitPage(roles = …)} names
 * roles none of which the application's HTTP security rules let {@code GET} the page's path can be opened by
 * nobody, so the two contradict each other; each such page is reported with a warning naming both sides.
 */
final class PageRuleCheck {

    private static final Log log = LogFactory.getLog(PageRuleCheck.class);

    private PageRuleCheck() {
    }

    /** The contradictions, one sentence each (also logged). */
    static List<String> check(PageRegistry pages, WebInvocationPrivilegeEvaluator privileges) {
        List<String> problems = new ArrayList<>();
        for (PageDescriptor page : pages.pages()) {
            Set<String> roles = PageRoles.of(page);
            if (roles.isEmpty()) {
                continue;
            }
            boolean someoneMay = false;
            for (String role : roles) {
                var user = UsernamePasswordAuthenticationToken.authenticated("springlit-role-check", null,
                        AuthorityUtils.createAuthorityList(role));
                someoneMay |= privileges.isAllowed(page.path(), user);
            }
            if (!someoneMay) {
                String problem = "Page " + page.path() + " (" + page.beanName() + ") asks for roles " + roles
                        + " in @StreamlitPage, but the application's HTTP security rules refuse GET " + page.path()
                        + " to a user with any of them: nobody can open it. Make the two agree.";
                problems.add(problem);
                log.warn(problem);
            }
        }
        return problems;
    }
}
