package dev.springlit.demo.oidc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;

import dev.springlit.demo.DemoApplication;

/**
 * The demo with logins: starts the in-process OpenID Connect provider ({@link DemoProvider}, 127.0.0.1:9000), then
 * the demo on localhost:8080 as its OAuth2 client with the {@code oidc} Spring profile ({@link OidcSecurity}). The
 * two host names keep the provider's and the app's session cookies apart.
 */
public final class OidcDemo {

    static final String PROVIDER = "http://127.0.0.1:9000";

    private OidcDemo() {
    }

    public static void main(String[] args) {
        DemoProvider.start("http://localhost:8080/login/oauth2/code/demo");
        Map<String, Object> properties = new LinkedHashMap<>();
        String registration = "spring.security.oauth2.client.registration.demo.";
        properties.put(registration + "client-id", "springlit-demo");
        properties.put(registration + "client-secret", "demo-secret");
        properties.put(registration + "authorization-grant-type", "authorization_code");
        properties.put(registration + "scope", "openid,profile,email");
        properties.put(registration + "client-name", "Demo provider");
        properties.put("spring.security.oauth2.client.provider.demo.issuer-uri", PROVIDER);
        properties.put("demo.login", "true");
        SpringApplication demo = new SpringApplication(DemoApplication.class);
        demo.setDefaultProperties(properties);
        demo.setAdditionalProfiles("oidc");
        demo.run(args);
    }
}
