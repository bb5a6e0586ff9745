package dev.springlit.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** The app's OAuth2 client registration ids, for {@code st.login()}; loaded only with spring-security-oauth2-client. */
final class OAuth2Registrations {

    private OAuth2Registrations() {
    }

    static Supplier<List<String>> of(BeanFactory beans) {
        ObjectProvider<ClientRegistrationRepository> repository = beans.getBeanProvider(ClientRegistrationRepository.class);
        return () -> {
            List<String> ids = new ArrayList<>();
            ClientRegistrationRepository found = repository.getIfAvailable();
            if (found instanceof Iterable<?> registrations) {
                for (Object registration : registrations) {
                    if (registration instanceof ClientRegistration client) {
                        ids.add(client.getRegistrationId());
                    }
                }
            }
            return ids;
        };
    }
}
