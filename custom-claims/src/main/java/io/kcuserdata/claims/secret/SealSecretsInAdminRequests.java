package io.kcuserdata.claims.secret;

import io.kcuserdata.core.secrets.RealmSecrets;
import io.kcuserdata.core.spi.UserDataProvider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Seals the secrets typed into external claims mappers in the request itself, before Keycloak's
 * admin API reads it: a mapper created or updated, mappers added together, a client or client scope
 * created or updated with its mappers, a partial import, a realm update. Keycloak records such a
 * request's body, as sent, in the realm's admin events when they include the representation, before
 * any event listener could remove it, and its own masking does not cover protocol mappers. Sealed
 * here with the realm, URL and authentication type of the config, the value is one {@code
 * validateConfig} and {@link SealOnArrival} open and keep: the resource, the store and the admin
 * event only ever see the sealed form.
 *
 * <p>Other bodies, and a body that is not JSON, pass as they came; Keycloak's own permission check
 * still decides who may send them. The secret is never logged.
 */
@Provider
public final class SealSecretsInAdminRequests implements ContainerRequestFilter {

  /** Quarkus's own default limit on request bodies: larger ones do not reach Keycloak. */
  static final int MAX_BODY = 10 * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(SealSecretsInAdminRequests.class);

  @Context KeycloakSession session;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String method = request.getMethod();
    if (!"POST".equals(method) && !"PUT".equals(method)) {
      return;
    }
    String path = request.getUriInfo().getPath();
    // Every POST and PUT passes here, token requests too: a plain search before anything else.
    if (!path.contains("admin/realms/")) {
      return;
    }
    Optional<AdminMapperRequest> target = AdminMapperRequest.of(method, path);
    // Without a token the admin API refuses the request and records nothing.
    if (target.isEmpty()
        || request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
        || !request.hasEntity()
        || !utf8Json(request.getMediaType())) {
      return;
    }
    InputStream original = request.getEntityStream();
    byte[] body = original.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(body), original));
      if (SecretsInRequestBody.mayCarry(body)) {
        LOG.warnf(
            "An admin request to realm '%s' over %d bytes was not checked for external claims"
                + " mapper secrets: a secret typed in may show in clear in its admin event",
            target.get().realm(), MAX_BODY);
      }
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(sealed(target.get(), body).orElse(body)));
  }

  private Optional<byte[]> sealed(AdminMapperRequest target, byte[] body) {
    if (!SecretsInRequestBody.mayCarry(body)) {
      return Optional.empty();
    }
    try {
      // The request's own session has no transaction before its resource is invoked: a short
      // one of our own reads the realm and its key (outside any transaction of the caller).
      KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
      AtomicReference<Optional<byte[]>> sealed = new AtomicReference<>(Optional.empty());
      KeycloakModelUtils.suspendJtaTransaction(
          factory,
          () ->
              sealed.set(
                  KeycloakModelUtils.runJobInTransactionWithResult(
                      factory, s -> sealed(s, target, body))));
      return sealed.get();
    } catch (RuntimeException e) {
      // What is stored is still sealed (validateConfig, SealOnArrival); only the event may not be.
      LOG.errorf(
          "External claims mapper secrets in an admin request to realm '%s' could not be sealed"
              + " (%s); its admin event may show them in clear",
          target.realm(), e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private static Optional<byte[]> sealed(
      KeycloakSession session, AdminMapperRequest target, byte[] body) {
    RealmModel realm = session.realms().getRealmByName(target.realm());
    if (realm == null) {
      return Optional.empty(); // Keycloak answers 404 itself
    }
    RealmSecrets secrets = session.getProvider(UserDataProvider.class).secrets(realm);
    return SecretsInRequestBody.seal(
        body, target.shape(), config -> MapperSecret.sealInPlace(secrets, realm.getId(), config));
  }

  /** JSON the pack can rewrite byte for byte: UTF-8, as the console and admin clients send it. */
  private static boolean utf8Json(MediaType type) {
    if (type == null) {
      return true; // Keycloak may still read it as JSON
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    return (charset == null || StandardCharsets.UTF_8.name().equalsIgnoreCase(charset))
        && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
  }
}
