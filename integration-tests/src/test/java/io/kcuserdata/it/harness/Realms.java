package io.kcuserdata.it.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Creates the realms of one test, each under a fresh name, and removes them when the test ends, so
 * tests never see each other's data.
 */
public final class Realms implements AutoCloseable {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE_REALM = "/realms/test-realm.json";

  private final Keycloak admin;
  private final KeycloakServer server;
  private final URI appRedirectUri;
  private final String prefix;
  private final List<String> created = new ArrayList<>();

  Realms(Keycloak admin, KeycloakServer server, URI appRedirectUri, String testName) {
    this.admin = admin;
    this.server = server;
    this.appRedirectUri = appRedirectUri;
    this.prefix = testName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /** An enabled realm with the {@code test-app} client and nothing else. */
  public TestRealm create() {
    return create(realm -> {});
  }

  /** The base realm, changed by {@code customizer} before it is imported. */
  public TestRealm create(Consumer<RealmRepresentation> customizer) {
    RealmRepresentation realm = read(resourceText(BASE_REALM));
    customizer.accept(realm);
    return importRealm(realm);
  }

  /**
   * A realm from a JSON file (a realm export, say) under a fresh name, with the {@code test-app}
   * client added. {@code ${app.redirect.uri}} in the file becomes the test app's redirect URI.
   */
  public TestRealm fromJson(Path file) {
    try {
      return importRealm(read(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Like {@link #fromJson(Path)}, from the JSON text itself. */
  public TestRealm fromJsonText(String json) {
    return importRealm(read(json));
  }

  /** Like {@link #fromJson(Path)}, from a test resource such as {@code /realms/x.json}. */
  public TestRealm fromResource(String resource) {
    return importRealm(read(resourceText(resource)));
  }

  /**
   * A second realm in the same server acting as an upstream OpenID Connect provider of {@code
   * consumer}, registered there as identity provider {@code alias}. Create users in {@link
   * UpstreamIdp#realm()} and sign in with {@link Browser#loginThroughIdp}.
   */
  public UpstreamIdp upstreamOidc(TestRealm consumer, String alias) {
    TestRealm upstream = create();
    String secret = UUID.randomUUID().toString();
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId("broker-" + alias);
    client.setPublicClient(false);
    client.setSecret(secret);
    client.setStandardFlowEnabled(true);
    client.setRedirectUris(List.of(consumer.issuer() + "/broker/" + alias + "/endpoint"));
    upstream.admin().clients().create(client).close();

    String oidc = upstream.issuer() + "/protocol/openid-connect";
    IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
    idp.setAlias(alias);
    idp.setProviderId("oidc");
    idp.setEnabled(true);
    idp.setConfig(
        new HashMap<>(
            Map.ofEntries(
                Map.entry("clientId", client.getClientId()),
                Map.entry("clientSecret", secret),
                Map.entry("clientAuthMethod", "client_secret_post"),
                Map.entry("issuer", upstream.issuer().toString()),
                Map.entry("authorizationUrl", oidc + "/auth"),
                Map.entry("tokenUrl", oidc + "/token"),
                Map.entry("userInfoUrl", oidc + "/userinfo"),
                Map.entry("logoutUrl", oidc + "/logout"),
                Map.entry("jwksUrl", oidc + "/certs"),
                Map.entry("useJwksUrl", "true"),
                Map.entry("validateSignature", "true"),
                Map.entry("defaultScope", "openid profile email"),
                Map.entry("syncMode", "IMPORT"))));
    consumer.admin().identityProviders().create(idp).close();
    return new UpstreamIdp(alias, upstream, consumer);
  }

  /**
   * A second realm acting as an upstream SAML identity provider of {@code consumer}, registered
   * there as {@code alias}. Redirect bindings both ways, so a browser without JavaScript follows
   * the whole exchange; signatures are not checked (the tests are about attributes, not SAML).
   */
  public UpstreamIdp upstreamSaml(TestRealm consumer, String alias) {
    TestRealm upstream = create();
    String endpoint = consumer.issuer() + "/broker/" + alias + "/endpoint";
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(consumer.issuer().toString());
    client.setProtocol("saml");
    client.setRedirectUris(List.of(endpoint));
    client.setAttributes(
        new HashMap<>(
            Map.of(
                "saml.client.signature", "false",
                "saml.force.post.binding", "false",
                "saml.authnstatement", "true",
                "saml_name_id_format", "username",
                "saml.force.name.id.format", "true",
                "saml_assertion_consumer_url_redirect", endpoint)));
    upstream.admin().clients().create(client).close();

    IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
    idp.setAlias(alias);
    idp.setProviderId("saml");
    idp.setEnabled(true);
    idp.setConfig(
        new HashMap<>(
            Map.ofEntries(
                Map.entry("singleSignOnServiceUrl", upstream.issuer() + "/protocol/saml"),
                Map.entry("idpEntityId", upstream.issuer().toString()),
                Map.entry(
                    "nameIDPolicyFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"),
                Map.entry("principalType", "SUBJECT"),
                Map.entry("postBindingAuthnRequest", "false"),
                Map.entry("postBindingResponse", "false"),
                Map.entry("validateSignature", "false"),
                Map.entry("wantAssertionsSigned", "false"),
                Map.entry("syncMode", "IMPORT"))));
    consumer.admin().identityProviders().create(idp).close();
    return new UpstreamIdp(alias, upstream, consumer);
  }

  private TestRealm importRealm(RealmRepresentation realm) {
    String name = prefix + "-" + SEQUENCE.incrementAndGet();
    realm.setRealm(name);
    realm.setId(null);
    addTestApp(realm);
    try {
      admin.realms().create(realm);
    } catch (WebApplicationException e) {
      throw new AssertionError(
          "Keycloak refused realm " + name + ": " + e.getResponse().readEntity(String.class), e);
    }
    created.add(name);
    return new TestRealm(admin.realm(name), name, server.baseUrl(), appRedirectUri);
  }

  /** Every test realm gets the public {@code test-app} client, redirecting to the test JVM. */
  private void addTestApp(RealmRepresentation realm) {
    List<ClientRepresentation> clients =
        new ArrayList<>(realm.getClients() == null ? List.of() : realm.getClients());
    if (clients.stream().anyMatch(c -> TestRealm.APP_CLIENT_ID.equals(c.getClientId()))) {
      return;
    }
    ClientRepresentation app = new ClientRepresentation();
    app.setClientId(TestRealm.APP_CLIENT_ID);
    app.setName("Test application");
    app.setEnabled(true);
    app.setPublicClient(true);
    app.setStandardFlowEnabled(true);
    app.setDirectAccessGrantsEnabled(true);
    app.setRedirectUris(List.of(appRedirectUri.toString()));
    app.setWebOrigins(List.of("+"));
    clients.add(app);
    realm.setClients(clients);
  }

  private RealmRepresentation read(String json) {
    try {
      return JSON.readValue(
          json.replace("${app.redirect.uri}", appRedirectUri.toString()),
          RealmRepresentation.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a realm representation", e);
    }
  }

  private static String resourceText(String resource) {
    try (InputStream in = Realms.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (Boolean.getBoolean("kc.keep.realms")) {
      return;
    }
    for (String name : created) {
      try {
        admin.realm(name).remove();
      } catch (RuntimeException alreadyGone) {
        // A test may remove its own realm.
      }
    }
  }
}
