package dev.springlit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a run's thread holds of its user (S12.2): the run sees its user's Authentication; afterwards nothing of it
 * stays on a run thread, a request thread gets its own context back, and a run as the request's own user changes
 * nothing on it.
 */
class SpringSecurityPageAccessTest {

    private final SpringSecurityPageAccess access = new SpringSecurityPageAccess(null);
    private final Authentication ada = UsernamePasswordAuthenticationToken.authenticated("ada", null,
            AuthorityUtils.createAuthorityList("ROLE_USER"));
    private final Authentication bob = UsernamePasswordAuthenticationToken.authenticated("bob", null,
            AuthorityUtils.createAuthorityList("ROLE_USER"));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void s12_2_runsOneAfterTheOtherOnARunThreadEachSeeTheirUserAndLeaveNothingOfIt() throws Exception {
        CompletableFuture.runAsync(() -> {
            try {
                for (Authentication user : new Authentication[] {ada, bob, null}) {
                    try (AutoCloseable run = access.bind(user)) {
                        Authentication seen = SecurityContextHolder.getContext().getAuthentication();
                        if (user == null) {
                            assertThat(seen).isInstanceOf(AnonymousAuthenticationToken.class);
                        } else {
                            assertThat(seen).isSameAs(user);
                        }
                    }
                    assertThat(SecurityContextHolder.getContext().getAuthentication()).as("after the run").isNull();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void s12_2_aRunOnARequestThreadGivesTheRequestItsOwnContextBack() throws Exception {
        SecurityContext request = SecurityContextHolder.createEmptyContext();
        request.setAuthentication(ada);
        SecurityContextHolder.setContext(request);
        try (AutoCloseable run = access.bind(bob)) {
            assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(bob);
        }
        assertThat(SecurityContextHolder.getContext()).isSameAs(request);
        assertThat(request.getAuthentication()).isSameAs(ada);
    }

    @Test
    void s12_2_aRunAsTheRequestsOwnUserLeavesTheRequestsContextInPlace() throws Exception {
        SecurityContext request = SecurityContextHolder.createEmptyContext();
        request.setAuthentication(ada);
        SecurityContextHolder.setContext(request);
        try (AutoCloseable run = access.bind(ada)) {
            assertThat(SecurityContextHolder.getContext()).as("nothing set").isSameAs(request);
        }
        assertThat(SecurityContextHolder.getContext()).isSameAs(request);
        assertThat(request.getAuthentication()).isSameAs(ada);
    }
}
