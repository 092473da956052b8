package dev.linkport.identity.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/** The identity providers configured for single sign-on ({@code spring.security.oauth2.client.registration.*}). */
@Component
public class SingleSignOnProviders {

    /**
     * One provider as the sign-in page offers it.
     *
     * @param name     its client name, e.g. "Keycloak"
     * @param signInUrl where a click starts the sign-in (relative to Linkport's root)
     */
    public record Provider(String name, String signInUrl) {
    }

    private final List<Provider> providers;

    SingleSignOnProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<Provider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object o : all) {
                if (o instanceof ClientRegistration r && r.getScopes().contains("openid")) {
                    found.add(new Provider(r.getClientName(), "oauth2/authorization/" + r.getRegistrationId()));
                }
            }
        }
        this.providers = List.copyOf(found);
    }

    /** The providers, in configuration order; empty when single sign-on is not configured. */
    public List<Provider> providers() {
        return providers;
    }
}
