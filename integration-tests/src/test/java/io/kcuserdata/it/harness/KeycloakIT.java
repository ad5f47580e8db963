package io.kcuserdata.it.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the shared Keycloak server. Test and lifecycle methods may
 * take {@link KeycloakServer}, {@link org.keycloak.admin.client.Keycloak} (admin of the master
 * realm), {@link HttpApi} (raw HTTP as that admin), {@link Realms}, {@link Browser} and {@link
 * TestHttpServer} parameters; everything but the server and admin client is fresh for each test and
 * cleaned up after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeycloakExtension.class)
public @interface KeycloakIT {}
